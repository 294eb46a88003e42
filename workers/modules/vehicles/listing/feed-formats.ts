/** The feed written out: XML (escaped, control characters dropped) and CSV (RFC 4180, with a BOM for Excel). */
import { FEED_FIELDS, type FeedVehicle } from './feed';

// Characters XML 1.0 forbids even escaped (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const xmlEscape = (s: string) =>
  s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** `<vehicles><vehicle id="…"><brand>…</brand>…<photos><photo>url</photo></photos></vehicle></vehicles>`; absent fields are left out. */
export function feedXml(list: FeedVehicle[], generatedAt = new Date()): string {
  const vehicle = (v: FeedVehicle) => {
    const fields = FEED_FIELDS.flatMap((f) => {
      if (f === 'photos') return [`    <photos>${v.photos.map((url) => `<photo>${xmlEscape(url)}</photo>`).join('')}</photos>`];
      const value = v[f];
      return value == null ? [] : [`    <${f}>${xmlEscape(value)}</${f}>`];
    });
    return [`  <vehicle id="${xmlEscape(v.id ?? '')}">`, ...fields, '  </vehicle>'].join('\n');
  };
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<vehicles generated="${generatedAt.toISOString()}" count="${list.length}">`, ...list.map(vehicle), '</vehicles>', ''].join('\n');
}

/** One CSV field: quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
export const csvField = (value: string) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Header + one row per vehicle, CRLF line ends (RFC 4180); photos joined by `|` in one column. */
export function feedCsv(list: FeedVehicle[]): string {
  const row = (v: FeedVehicle) => FEED_FIELDS.map((f) => csvField(f === 'photos' ? v.photos.join('|') : (v[f] ?? ''))).join(',');
  // The BOM makes Excel read UTF-8 (accents, €) instead of the system code page.
  return `\uFEFF${[FEED_FIELDS.join(','), ...list.map(row)].map((line) => `${line}\r\n`).join('')}`;
}
