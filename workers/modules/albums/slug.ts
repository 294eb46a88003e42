import { randomBase32 } from '../../shared/ids';
import { cutAtWord } from '../../shared/text';

/** Leaves room under the schema's 80 for the suffix that makes a taken slug free. */
const MAX_SLUG = 60;

/** "Marathon de Paris 2026 !" -> "marathon-de-paris-2026"; a long title's slug ends on a whole word. */
export function slugify(text: string): string {
  const full = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const slug = cutAtWord(full, MAX_SLUG, '-');
  return slug.length >= 3 ? slug : `album-${slug || randomBase32(3)}`;
}

export const withSuffix = (slug: string) => `${slug}-${randomBase32(3)}`;
