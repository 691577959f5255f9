// What a page action must pass before it changes anything (issue 19), each rule a domain function
// and this file only its hooks: a controller's decision needs a fresh link (domain/links.ts
// freshEnough, setting «Срок действия ссылок контролёра, дней»).
import type { IsoDate } from '../domain/dates';
import { freshEnough } from '../domain/links';
import type { PageAction } from '../domain/my-orders';
import type { PageBook } from './my-orders-book';

/** A refusal in Russian, or null when the action may go on to applyPageAction. */
export function pageGate(book: PageBook, _email: string, issued: IsoDate | null, a: PageAction): string | null {
  const { settings, today } = book.env;
  if ((a.kind === 'extension' || a.kind === 'removal') && !freshEnough(issued, today, settings.controllerLinkDays))
    return `Решения контролёра со страницы принимаются только по ссылке не старше ${settings.controllerLinkDays} дн. (настройка «Срок действия ссылок контролёра, дней»): попросите новую ссылку или откройте «Мои поручения» из меню таблицы.`;
  return null;
}
