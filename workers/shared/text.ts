/**
 * `text` in at most `max` characters, cut after the last whole word that fits (words end at
 * `separator`), without the punctuation left dangling there. A first word longer than `max` is
 * cut where it must be.
 */
export function cutAtWord(text: string, max: number, separator = ' '): string {
  if (text.length <= max) return text;
  // A separator right after the max-th character still counts: the word before it fits whole.
  const end = text.slice(0, max + 1).lastIndexOf(separator);
  const cut = end > 0 ? text.slice(0, end) : text.slice(0, max);
  return cut.replace(/[\s,;:–—-]+$/u, '');
}
