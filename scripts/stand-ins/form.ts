/**
 * Stripe's wire format: `application/x-www-form-urlencoded` with bracketed keys, as the SDK's
 * `qs` encoder writes them (`line_items[0][price_data][currency]=eur`, `expand[0]=...`).
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type Form = { [key: string]: FormValue };

/** Objects whose keys are all 0..n-1 become arrays, as Stripe reads them. */
function arrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((k) => [k, arrays(value[k]!)] as const);
  if (keys.length && keys.every((k, i) => k === String(i))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

export function parseForm(body: string): Form {
  const root: { [key: string]: FormValue } = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, '').split('[');
    let node = root;
    path.forEach((part, i) => {
      const key = part === '' ? String(Object.keys(node).length) : part; // `a[]=x` appends
      if (i === path.length - 1) node[key] = value;
      else {
        node[key] ??= {};
        node = node[key] as { [key: string]: FormValue };
      }
    });
  }
  return arrays(root) as Form;
}

/** Reads a nested field as a string (or undefined), e.g. `str(form, 'payment_intent_data', 'transfer_data', 'destination')`. */
export function str(form: FormValue | undefined, ...path: string[]): string | undefined {
  let node: FormValue | undefined = form;
  for (const key of path) node = node && typeof node === 'object' && !Array.isArray(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  return typeof node === 'string' ? node : undefined;
}

export function num(form: FormValue | undefined, ...path: string[]): number | undefined {
  const value = str(form, ...path);
  return value === undefined ? undefined : Number(value);
}

export function record(form: FormValue | undefined, ...path: string[]): Record<string, string> {
  let node: FormValue | undefined = form;
  for (const key of path) node = node && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;
  if (!node || typeof node !== 'object' || Array.isArray(node)) return {};
  return Object.fromEntries(Object.entries(node).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function list(form: FormValue | undefined, ...path: string[]): FormValue[] {
  let node: FormValue | undefined = form;
  for (const key of path) node = node && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;
  return Array.isArray(node) ? node : [];
}
