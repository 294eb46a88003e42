import { useEffect, useState } from 'react';

type Health = { status: string; checks: Record<string, boolean> };

/** Placeholder until the dashboard lands: proves the build is served and the API answers. */
export function App() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    fetch('/health')
      .then((r) => r.json() as Promise<Health>)
      .then(setHealth, () => setHealth({ status: 'unreachable', checks: {} }));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '4rem auto', padding: '0 1rem' }}>
      <h1>Vitrine</h1>
      <p>Photos that sell — for race photographers, car dealers, estate agents and brands.</p>
      <p>
        API status: <strong data-testid="api-status">{health?.status ?? 'checking…'}</strong>
      </p>
      <p>
        The dashboard is on its way. Meanwhile the API is at <code>/v1</code> (see README).
      </p>
    </main>
  );
}
