/** The part of opentype.js (which ships no types) the fixtures use. */
declare module 'opentype.js' {
  type Path = { toPathData(decimals?: number): string };
  type Glyph = { advanceWidth?: number; getPath(x: number, y: number, fontSize: number): Path };
  type Font = { unitsPerEm: number; charToGlyph(char: string): Glyph };
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
