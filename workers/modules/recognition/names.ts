/** Name search that forgives case, accents and one typo per word ("marie dupond" finds Marie Dupont). */

/** Lower case, accents and punctuation removed, single spaces. */
export const nameKey = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = 1): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Every word of the query matches a word of the name: exactly for short words, within one edit from 4 letters. */
export function nameMatches(query: string, key: string): boolean {
  const words = key.split(' ');
  return nameKey(query)
    .split(' ')
    .filter(Boolean)
    .every((q) => words.some((w) => w === q || (q.length >= 4 && editDistance(q, w) <= 1) || (q.length >= 3 && w.startsWith(q))));
}
