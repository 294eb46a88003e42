// Demo data through the public API (the same code paths a user takes), idempotent across restarts.
export const DEMO = {
  email: 'demo@vitrine.dev',
  password: 'vitrine-demo-2026',
  name: 'Demo Photographer',
  workspace: { name: 'Demo Race Photos', kind: 'events' },
  album: {
    title: 'Paris Half Marathon 2026',
    slug: 'demo-paris-half-marathon-2026',
    visibility: 'public',
    date: '2026-03-08',
    location: 'Paris',
    watermark: { text: '© Demo Race Photos', position: 'bottom-right', opacity: 0.5 },
  },
};

async function api(origin, method, path, { token, json } = {}) {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  return { status: res.status, data: await res.json() };
}

export async function seedDemo(origin) {
  let login = await api(origin, 'POST', '/v1/auth/login', { json: { email: DEMO.email, password: DEMO.password } });
  if (login.status === 401) {
    const { email, password, name, workspace } = DEMO;
    const registered = await api(origin, 'POST', '/v1/auth/register', { json: { email, password, name, workspace } });
    if (registered.status !== 201) throw new Error(`demo sign-up failed: ${JSON.stringify(registered.data)}`);
    login = { status: 200, data: { token: registered.data.token } };
  }
  if (login.status !== 200) throw new Error(`demo login failed: ${JSON.stringify(login.data)}`);
  const token = login.data.token;

  const albums = await api(origin, 'GET', '/v1/albums', { token });
  let album = albums.data.albums.find((a) => a.slug === DEMO.album.slug);
  if (!album) {
    const created = await api(origin, 'POST', '/v1/albums', { token, json: DEMO.album });
    if (created.status !== 201) throw new Error(`demo album failed: ${JSON.stringify(created.data)}`);
    album = created.data.album;
  }
  return { email: DEMO.email, password: DEMO.password, album };
}
