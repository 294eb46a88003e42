import { and, asc, count, eq, gt, or, sql } from 'drizzle-orm';
import { startListEntries, startLists } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { csvFields, csvLine, guessDelimiter, streamLines } from './csv';
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
    db.insert(startLists).values({ albumId, importedAt: new Date() }).onConflictDoUpdate({ target: startLists.albumId, set: { importedAt: new Date() } }),
    auditInsert(db, { ...actor, action: 'start_list.imported', targetType: 'album', targetId: albumId, data: { runners: rows.length, errors: errors.length } }),
  ]);
  return { imported: rows.length, lines: line, errorCount: errors.length, errors: errors.slice(0, MAX_ERRORS_LISTED) };
}

/** How many runners the list holds and when it was imported (null without a list). */
export async function startListInfo(db: Db, albumId: string) {
  const [size, list] = await db.batch([
    db.select({ n: count() }).from(startListEntries).where(eq(startListEntries.albumId, albumId)),
    db.select({ importedAt: startLists.importedAt }).from(startLists).where(eq(startLists.albumId, albumId)),
  ]);
  return { runners: size[0]?.n ?? 0, importedAt: list[0]?.importedAt ?? null };
}

const EXPORT_PAGE = 1000;
/** Bibs are digits without leading zeros: by length, then text, is numeric order (and a keyset). */
const bibLength = sql<number>`length(${startListEntries.bib})`;

/** The start list as a CSV the import reads back (bib, name, category), streamed page by page. */
export function startListCsv(db: Db, albumId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let last: { length: number; bib: string } | null = null;
  let header = true;
  return new ReadableStream({
    async pull(controller) {
      const after = last && or(gt(bibLength, last.length), and(eq(bibLength, last.length), gt(startListEntries.bib, last.bib)));
      const rows = await db
        .select({ bib: startListEntries.bib, name: startListEntries.name, category: startListEntries.category })
        .from(startListEntries)
        .where(and(eq(startListEntries.albumId, albumId), after ?? undefined))
        .orderBy(asc(bibLength), asc(startListEntries.bib))
        .limit(EXPORT_PAGE);
      const text = (header ? csvLine(['bib', 'name', 'category']) : '') + rows.map((r) => csvLine([r.bib, r.name, r.category])).join('');
      header = false;
      if (text) controller.enqueue(encoder.encode(text));
      const end = rows.at(-1);
      if (!end || rows.length < EXPORT_PAGE) controller.close();
      else last = { length: end.bib.length, bib: end.bib };
    },
  });
}
