import { randomBase32 } from '../../shared/ids';

/** "Marathon de Paris 2026 !" -> "marathon-de-paris-2026". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length >= 3 ? slug : `album-${slug || randomBase32(3)}`;
}

export const withSuffix = (slug: string) => `${slug}-${randomBase32(3)}`;
