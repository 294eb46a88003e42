/** Splits one CSV line into fields: quotes ("a, b" and "" escapes) respected; multi-line fields are not supported. */
export function csvFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

/** The delimiter a spreadsheet export used: `;` (French Excel), tab, or `,`. */
export const guessDelimiter = (line: string) => ([';', '\t', ','] as const).reduce((best, d) => (line.split(d).length > line.split(best).length ? d : best), ',');

/** Lines of a text stream as they arrive, without holding the whole body. */
export async function* streamLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let pending = '';
  for await (const text of body.pipeThrough(new TextDecoderStream())) {
    pending += text;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop()!;
    yield* lines;
  }
  if (pending) yield pending;
}

/** Spreadsheets run a cell starting with one of these as a formula: a name must never do that. */
const FORMULA_START = /^[=+@\t\r]/;

/** One CSV line (comma, CRLF), quoting what needs it. */
export function csvLine(fields: (string | null)[]): string {
  const cell = (value: string | null) => {
    const text = value && FORMULA_START.test(value) ? `'${value}` : (value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${fields.map(cell).join(',')}\r\n`;
}
