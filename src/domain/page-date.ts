// Dates as people type them on a phone (issue 25 п.8), one rule for the page's own check in the
// browser and the server's: digits only («18122026», «181226»), «18.12.26», «18/12/2026»,
// «18-12-2026», «18,12,2026» (a numeric keypad's comma), «18 12 2026», an optional «г.», and the
// ISO form a native date picker gives («2026-12-18»). Imports nothing: the page's bundle takes it
// without the server's date library.

/** Longest progress note or reason accepted (a cell holds 50 000 characters; a note is short). */
export const MAX_NOTE = 1000;

/** 'YYYY-MM-DD'. */
type Iso = string;

const MONTHS_IN = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ДД.ММ.ГГГГ of an ISO date. */
export function ruOfIso(iso: Iso): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The typed date as ISO, or why it cannot be read (Russian, naming what was typed). */
export function parseTypedDate(raw: string): { iso: Iso } | { error: string } {
  const typed = raw.trim();
  if (!typed) return { error: 'Укажите дату в виде ДД.ММ.ГГГГ.' };
  const s = typed.replace(/\s*г\.?$/u, '');
  let parts: [number, number, number] | null = null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) parts = [+m[3], +m[2], +m[1]];
  m = m ? null : /^(\d{1,2})\s*[./,\- ]\s*(\d{1,2})\s*[./,\- ]\s*(\d{4}|\d{2})$/.exec(s);
  if (m) parts = [+m[1], +m[2], m[3].length === 2 ? 2000 + +m[3] : +m[3]];
  m = parts ? null : /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(s);
  if (m) parts = [+m[1], +m[2], m[3].length === 2 ? 2000 + +m[3] : +m[3]];
  const cannot = `Не удалось прочитать дату «${typed}»`;
  if (!parts) return { error: `${cannot}: введите её в виде ДД.ММ.ГГГГ, например 18.12.2026 или 18122026.` };
  const [d, mo, y] = parts;
  if (mo < 1 || mo > 12) return { error: `${cannot}: месяца ${mo} нет, месяц — от 1 до 12.` };
  if (y < 2000 || y > 2100) return { error: `${cannot}: проверьте год (${y}).` };
  const last = daysIn(y, mo);
  if (d < 1 || d > last) return { error: `${cannot}: такого дня нет — в ${MONTHS_IN[mo - 1]} ${y} г. ${last} дн.` };
  return { iso: `${pad(y, 4)}-${pad(mo)}-${pad(d)}` };
}

/**
 * An extension request typed on the page, checked before anything is sent or written: which field is
 * wrong and why, or null. `deadline` is the order's «Срок»; dates are ISO.
 */
export function requestProblem(
  rawDate: string,
  reason: string,
  today: Iso,
  deadline: Iso | null,
  maxReason: number,
): { field: 'requestedDate' | 'reason'; error: string } | null {
  if (!rawDate.trim() && !reason.trim()) return null;
  const p = parseTypedDate(rawDate);
  if ('error' in p)
    return { field: 'requestedDate', error: rawDate.trim() ? p.error : 'Укажите новый срок в виде ДД.ММ.ГГГГ.' };
  if (p.iso <= today)
    return { field: 'requestedDate', error: `Новый срок ${ruOfIso(p.iso)} должен быть позже сегодняшнего дня.` };
  if (deadline && p.iso <= deadline)
    return {
      field: 'requestedDate',
      error: `Новый срок ${ruOfIso(p.iso)} должен быть позже текущего срока ${ruOfIso(deadline)}.`,
    };
  if (!reason.trim()) return { field: 'reason', error: 'Укажите обоснование переноса.' };
  if (reason.trim().length > maxReason)
    return { field: 'reason', error: `Обоснование длиннее ${maxReason} знаков: сократите его.` };
  return null;
}

/** A new «Срок» the controller types: why it cannot be taken (Russian), or null. */
export function newDeadlineProblem(raw: string, today: Iso): string | null {
  const p = parseTypedDate(raw);
  if ('error' in p) return p.error;
  if (p.iso < today) return `Новый срок ${ruOfIso(p.iso)} уже прошёл.`;
  return null;
}

/**
 * «Готово» set after the term asks for «Причина нарушения срока» (spec Round 3; 001 гл.8 п.2.3.2,
 * 003 п.193): the page's own check and the server's, one rule. `due` is the day the term fell due
 * (ДД.ММ.ГГГГ as the page shows it), `late` whether today is after it. Null when nothing is missing.
 */
export function lateReasonProblem(
  a: { status: string; lateReason: string },
  o: { status: string; lateReason: string; due: string; late: boolean },
): string | null {
  if (a.status !== 'Готово' || o.status === 'Готово' || !o.late) return null;
  if (a.lateReason.trim() || o.lateReason.trim()) return null;
  return `Срок (${o.due}) прошёл: укажите причину нарушения срока и принятые меры — без неё отметку «Готово» не сохранить.`;
}
