import { count, eq } from 'drizzle-orm';
import { startListEntries } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { csvFields, guessDelimiter, streamLines } from './csv';
import { nameKey } from './names';
import { getAlbum } from '../albums/albums';
import { auditInsert, type Actor } from '../../core/audit';

const MAX_ROWS = 50_000;
const MAX_ERRORS_LISTED = 100;
/** D1 allows 100 bound parameters per statement: 5 columns x 20 rows. */
const ROWS_PER_INSERT = 20;

type Entry = { bib: string; name: string; category: string | null };
type Columns = { bib: number; name: number; category: number };

/** Column positions from a header row (English or French names), or null when the first row is data. */
function headerColumns(fields: string[]): Columns | null {
  const at = (...names: string[]) => fields.findIndex((f) => names.includes(nameKey(f)));
  const bib = at('bib', 'dossard', 'number', 'no', 'num', 'numero');
  if (bib < 0) return null;
  return { bib, name: at('name', 'nom', 'runner', 'coureur', 'athlete', 'participant'), category: at('category', 'categorie', 'cat') };
}

function parseRow(fields: string[], columns: Columns): Entry | string {
  const bib = fields[columns.bib] ?? '';
  const name = (fields[columns.name] ?? '').replace(/\s+/g, ' ');
  if (!/^\d{1,8}$/.test(bib)) return `bib "${bib}" is not a number`;
  if (!name) return 'the name is empty';
  if (name.length > 120) return 'the name is over 120 characters';
  return { bib: String(Number(bib)), name, category: fields[columns.category]?.slice(0, 60) || null };
}

/**
 * Imports a start list CSV (bib, name, category) read line by line from the request stream.
 * Bad rows are reported, good ones kept; the new list replaces the old one in a single batch,
 * and a file with no usable row leaves the old list untouched.
 */
export async function importStartList(db: Db, actor: Actor, albumId: string, body: ReadableStream<Uint8Array>) {
  await getAlbum(db, actor.workspaceId, albumId);
  const entries = new Map<string, Entry>();
  const errors: { line: number; message: string }[] = [];
  let columns: Columns | null = null;
  let delimiter = ',';
  let line = 0;
  for await (const text of streamLines(body)) {
    line++;
    if (!text.trim()) continue;
    if (!columns) {
      delimiter = guessDelimiter(text);
      columns = headerColumns(csvFields(text, delimiter));
      if (columns) continue;
      columns = { bib: 0, name: 1, category: 2 };
    }
    const row = parseRow(csvFields(text, delimiter), columns);
    if (typeof row === 'string') errors.push({ line, message: row });
    else {
      if (entries.has(row.bib)) errors.push({ line, message: `bib ${row.bib} appears again; the last row is kept` });
      entries.set(row.bib, row);
    }
    if (entries.size > MAX_ROWS) throw new AppError('VALIDATION_ERROR', `A start list holds at most ${MAX_ROWS} runners`);
  }
  if (!entries.size) {
    throw new AppError('VALIDATION_ERROR', 'No usable row: expected columns bib, name, category', { errors: errors.slice(0, MAX_ERRORS_LISTED) });
  }
  const rows = [...entries.values()].map((e) => ({ albumId, ...e, nameKey: nameKey(e.name) }));
  const inserts = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) inserts.push(db.insert(startListEntries).values(rows.slice(i, i + ROWS_PER_INSERT)));
  await db.batch([
    db.delete(startListEntries).where(eq(startListEntries.albumId, albumId)),
    ...inserts,
    auditInsert(db, { ...actor, action: 'start_list.imported', targetType: 'album', targetId: albumId, data: { runners: rows.length, errors: errors.length } }),
  ]);
  return { imported: rows.length, lines: line, errorCount: errors.length, errors: errors.slice(0, MAX_ERRORS_LISTED) };
}

export async function startListSize(db: Db, albumId: string) {
  const row = await db.select({ n: count() }).from(startListEntries).where(eq(startListEntries.albumId, albumId)).get();
  return row?.n ?? 0;
}
