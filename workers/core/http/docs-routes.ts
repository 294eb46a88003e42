import { z } from 'zod';
import { access } from './middleware/access';
import { defineRoute, router } from './route';

/** Where the build puts Scalar's standalone bundle (web/vite.config.ts copies it; never committed). */
export const SCALAR_BUNDLE_PATH = '/docs/scalar.js';

/**
 * Scalar's configuration, read by its bundle from `data-configuration` (no inline script).
 * Everything that would leave this origin is switched off: Scalar's own fonts
 * (`withDefaultFonts`), telemetry, the AI agent chat and the MCP button (both switch themselves
 * on for localhost), the developer toolbar (share/deploy on scalar.com), the "Open API Client"
 * link (client.scalar.com), and no request proxy: "Test request" opens the in-page client, whose
 * requests go straight to this API.
 */
const scalarConfiguration = {
  url: '/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never',
  hideClientButton: true,
  documentDownloadType: 'json',
  metaData: { title: 'Vitrine API reference' },
} as const;

/**
 * `style-src 'unsafe-inline'`: Scalar injects its stylesheet as a `<style>` and renders inline
 * `style=""` attributes, which no nonce can allow. Nothing else is needed inline.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const attribute = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vitrine API reference</title>
</head>
<body>
<div id="api-reference" data-configuration="${attribute(JSON.stringify(scalarConfiguration))}"></div>
<script src="${SCALAR_BUNDLE_PATH}"></script>
</body>
</html>`;

/** `GET /docs`: the API reference (Scalar, served from this origin) over `GET /openapi.json`. Works offline. */
export const docsRoutes = router().openapi(
  defineRoute({
    method: 'get', path: '/docs', hide: true, access: access.public,
    responses: { 200: { description: 'The API reference page', content: { 'text/html': { schema: z.string() } } } },
  }),
  (c) => {
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(page);
  },
);
