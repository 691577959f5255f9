// How we compare what people type (headers, names, statuses, parameters): trimmed, case-insensitive,
// ё = е, inner spaces collapsed.
export function foldText(s: string): string {
  return s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/** A cell's value as text, trimmed; a Date as its ISO string (the workbook's `text`). */
export function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

/** A value as typed matched to `list` by foldText: '' for blank, null when not in the list. */
export function fromList(raw: string, list: readonly string[]): string | null {
  if (raw === '') return '';
  const n = foldText(raw);
  return list.find((x) => foldText(x) === n) ?? null;
}

/** Russian plural form: plural(1, 'поручение', 'поручения', 'поручений') → 'поручение'; 2 → 'поручения'; 5, 11–14 → 'поручений'. */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}
