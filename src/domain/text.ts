// How we compare what people type (headers, names, statuses, parameters): trimmed, case-insensitive,
// ё = е, inner spaces collapsed.
export function foldText(s: string): string {
  return s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/** A value as typed matched to `list` by foldText: '' for blank, null when not in the list. */
export function fromList(raw: string, list: readonly string[]): string | null {
  if (raw === '') return '';
  const n = foldText(raw);
  return list.find((x) => foldText(x) === n) ?? null;
}
