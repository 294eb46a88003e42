// Lets Node import `.wasm` files the way wrangler bundles them for workerd (the default export is
// the compiled WebAssembly.Module), so bench/studio.ts runs the Worker's own compose code.
import { register } from 'node:module';

const hooks = `
export async function load(url, context, next) {
  if (!url.endsWith('.wasm')) return next(url, context);
  const source = 'import { readFileSync } from "node:fs"; export default new WebAssembly.Module(readFileSync(new URL(' + JSON.stringify(url) + ')));';
  return { format: 'module', source, shortCircuit: true };
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
