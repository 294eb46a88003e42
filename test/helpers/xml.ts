/** A strict little XML reader for tests (elements, attributes, text, the five entities): it throws on anything malformed. */
export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => {
  if (/[<>]/.test(s)) throw new Error(`raw markup character in ${JSON.stringify(s)}`);
  return s.replace(/&([a-z]+;)?/g, (_match, name?: string) => {
    const value = name && ENTITIES[name.slice(0, -1)];
    if (!value) throw new Error(`bare or unknown entity near ${JSON.stringify(s.slice(0, 40))}`);
    return value;
  });
};

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let at = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    at = token.lastIndex;
    const [, close, name, attrs, selfClose, text] = m;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      top.text += decode(text);
    } else if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const element: XmlElement = { name: name!, attrs: Object.fromEntries([...attrs!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, decode(a[2]!)])), children: [], text: '' };
      top.children.push(element);
      if (!selfClose) stack.push(element);
    }
  }
  if (at !== body.length) throw new Error(`unparsable XML at ${at}: ${JSON.stringify(body.slice(at, at + 40))}`);
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unclosed elements or several roots');
  return root.children[0]!;
}

/** The text of a child element, or undefined when absent. */
export const childText = (e: XmlElement, name: string) => e.children.find((c) => c.name === name)?.text;

/** Records of an RFC 4180 CSV (quoted fields, doubled quotes, CRLF records); throws on a stray quote. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let field = '';
    if (csv[i] === '"') {
      for (i++; ; i++) {
        if (i >= csv.length) throw new Error('unterminated quoted field');
        if (csv[i] === '"' && csv[i + 1] === '"') {
          field += '"';
          i++;
        } else if (csv[i] === '"') break;
        else field += csv[i];
      }
      i++;
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') {
        if (csv[i] === '"' || csv[i] === '\n') throw new Error(`stray ${JSON.stringify(csv[i])} in an unquoted field`);
        field += csv[i++];
      }
    }
    row.push(field);
    if (csv[i] === ',') i++;
    else if (csv.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < csv.length) throw new Error(`expected , or CRLF at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}
