// How we compare what people type (headers, names, statuses, parameters): trimmed, case-insensitive,
// ё = е, inner spaces collapsed.
export function foldText(s: string): string {
  return s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}
