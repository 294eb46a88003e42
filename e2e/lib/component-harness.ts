/**
 * One SPA screen on its own, for browser tests of a screen whose API is not there yet: a Vite dev
 * server (the SPA's own config: React, Tailwind) serves `/harness.html`, which signs in a fake
 * session and mounts the module's export at a route; the test answers the API with `page.route`.
 */
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { freePort } from '../../scripts/lib/local-stack';

const WEB = new URL('../../web/', import.meta.url).pathname;
const ENTRY = 'virtual:component-harness';

export type HarnessScreen = {
  /** Under web/src, e.g. `features/vehicles/photos-tab.tsx`. */
  module: string;
  component: string;
  props: Record<string, unknown>;
  /** Where the component is mounted; other paths show their path as a heading (to follow a link). */
  path: string;
  session: { token: string; workspaceId: string };
};

function harnessPlugin(screen: HarnessScreen): Plugin {
  const entry = `
    import '/src/styles.css';
    import { createElement as h, StrictMode } from 'react';
    import { createRoot } from 'react-dom/client';
    import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
    import { setSession } from '/src/api/session.ts';
    import { ${screen.component} as Screen } from '/src/${screen.module}';
    setSession(${JSON.stringify(screen.session)});
    const Elsewhere = () => h('h1', null, 'Left for ' + useLocation().pathname);
    createRoot(document.getElementById('root')).render(
      h(StrictMode, null, h(MemoryRouter, { initialEntries: [${JSON.stringify(screen.path)}] },
        h('main', { className: 'mx-auto max-w-6xl p-6' }, h(Routes, null,
          h(Route, { path: ${JSON.stringify(screen.path)}, element: h(Screen, ${JSON.stringify(screen.props)}) }),
          h(Route, { path: '*', element: h(Elsewhere) }))))));`;
  const html = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Harness</title></head>
    <body class="bg-slate-50"><div id="root"></div><script type="module" src="/@id/${ENTRY}"></script></body></html>`;
  return {
    name: 'vitrine:component-harness',
    resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : undefined),
    load: (id) => (id === `\0${ENTRY}` ? entry : undefined),
    configureServer(server) {
      server.middlewares.use('/harness.html', (req, res) => {
        void server.transformIndexHtml(req.originalUrl ?? '/harness.html', html).then((page) => {
          res.setHeader('Content-Type', 'text/html');
          res.end(page);
        });
      });
    },
  };
}

/** Starts the harness; `origin` + `/harness.html` is the screen. */
export async function startHarness(screen: HarnessScreen): Promise<{ origin: string; close: () => Promise<void> }> {
  const port = await freePort();
  const server: ViteDevServer = await createServer({
    configFile: `${WEB}vite.config.ts`,
    root: WEB,
    logLevel: 'warn',
    plugins: [harnessPlugin(screen)],
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false },
  });
  await server.listen();
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}
