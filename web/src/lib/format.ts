/** Human formats for sizes, speeds and durations shown in the upload panel and elsewhere. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  // Speeds and averages are fractional: "599 B", never "598.9679321784046 B".
  if (Math.round(bytes) < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1023.5 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Bytes per second: "1.2 MB/s". */
export const formatSpeed = (bytesPerSecond: number) => `${formatBytes(bytesPerSecond)}/s`;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A calendar date (`2026-03-08`) or a timestamp, in the reader's words. A bare date is a local day, not UTC midnight. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** A moment with its time: `2 Dec 2026, 14:05` (in the reader's locale and time zone). */
export const formatDateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatTime = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short' });

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** 500 -> "5,00 €" (in the reader's locale). */
export const formatMoney = (cents: number, currency = 'eur') =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);

const EUROS = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
/** Cents as whole euros ("14 500 €"): car and property prices have no cents worth showing. */
export const formatEuros = (cents: number) => EUROS.format(Math.round(cents / 100));
