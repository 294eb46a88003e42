/** wrangler (and the vitest pool) turn `import x from './x.wasm'` into a compiled module. */
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
