// Substitutes: while an executor is absent («Отсутствует с» … «Отсутствует по»), their mail goes
// to the substitute named by ФИО, with the absent person's name in the text (spec «Исполнители»).
import type { IsoDate } from './dates';
import { type Executor, normName } from './order';

/** Absent on `day`: inside [from, to]; an open end (blank) extends without limit. */
export function isAbsent(e: Pick<Executor, 'absentFrom' | 'absentTo'>, day: IsoDate): boolean {
  if (!e.absentFrom && !e.absentTo) return false;
  if (e.absentFrom && day < e.absentFrom) return false;
  if (e.absentTo && day > e.absentTo) return false;
  return true;
}

export interface Recipient {
  email: string;
  /** The person the mail is addressed to. */
  name: string;
  /** Set when the mail goes to a substitute: the absent executor. */
  onBehalfOf?: Executor;
}

export type Resolution = { ok: true; recipient: Recipient } | { ok: false; reason: string };

/**
 * Who gets the mail meant for `name` on `day`. One level of substitution only: if the substitute
 * is absent too, the mail still goes to the substitute (somebody must see it) — a chain could loop.
 */
export function resolveRecipient(name: string, byName: ReadonlyMap<string, Executor>, day: IsoDate): Resolution {
  const e = byName.get(normName(name));
  if (!e) return { ok: false, reason: `исполнитель «${name}» не найден на листе «Исполнители»` };
  if (isAbsent(e, day) && e.substitute) {
    const sub = byName.get(normName(e.substitute));
    if (sub?.email) return { ok: true, recipient: { email: sub.email, name: sub.name, onBehalfOf: e } };
  }
  if (!e.email) return { ok: false, reason: `у «${e.name}» нет адреса почты` };
  return { ok: true, recipient: { email: e.email, name: e.name } };
}
