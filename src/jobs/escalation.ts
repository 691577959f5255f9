// Escalation to the unit's head (spec Round 3; 004 п.4.1.4, 4.2.1; domain/escalation.ts decides):
// one message per head's address per day listing the unit's overdue orders, sent when an order
// newly reaches «Эскалация руководителю через, рабочих дней»; each such order once, ever (its key in
// «Журнал»), with a line in its «История» (in memory; the caller writes «История»).
import { dueDate } from '../domain/deadlines';
import { type EscalationDigest, escalationDigests, unplacedKey } from '../domain/escalation';
import { appendHistory, historyLine } from '../domain/history';
import type { OrderRecord } from '../domain/order';
import { composeEscalation } from '../mail/between-dates';
import type { OrderBook } from '../workbook/orders';
import type { RunContext } from './context';

const ACTION = 'Эскалация руководителю';

/** Sends today's escalations; returns the messages sent. */
export function sendEscalations(ctx: RunContext, book: OrderBook): number {
  if (book.units.length === 0 || !book.ordersTable) return 0;
  const { settings: s, calendar: cal, today } = ctx;
  const { digests, unplaced } = escalationDigests(
    book.orders,
    book.executorByName,
    book.unitByName,
    today,
    s,
    cal,
    (k) => ctx.journal.has(k),
  );
  // One message per address: two units with one head make one message.
  const byAddress = new Map<string, EscalationDigest[]>();
  for (const d of digests) {
    const k = d.unit.email.trim().toLowerCase();
    if (!k) continue;
    byAddress.set(k, [...(byAddress.get(k) ?? []), d]);
  }
  const link = `${ctx.ss.getUrl()}#gid=${book.ordersTable.sheet.getSheetId()}`;
  let sent = 0;
  for (const list of byAddress.values()) {
    const u = list[0].unit;
    const keys = list.flatMap((d) => d.keys);
    const fresh = new Set(keys);
    const mail = composeEscalation({
      to: u.email,
      head: u.head,
      unit: list.map((d) => d.unit.name).join(', '),
      organization: s.organization,
      today,
      escalationDays: s.escalationDays,
      link,
      orders: list.flatMap((d) =>
        d.overdue.map(({ order, days }) => ({
          number: order.number,
          text: order.text,
          executor: order.executor,
          due: dueDate(order.deadline as string, s, cal),
          days,
          isNew: fresh.has(`escalate:${order.number}`),
        })),
      ),
    });
    const items = list.flatMap((d) => d.overdue.map((x) => x.order.number));
    if (ctx.mailer.send(mail, { action: ACTION, items, keys }) !== 'sent') continue;
    sent++;
    for (const d of list)
      for (const { order } of d.overdue)
        if (fresh.has(`escalate:${order.number}`)) {
          const o = order as OrderRecord;
          o.history = appendHistory(o.history, [
            historyLine(today, `просрочка направлена руководителю подразделения «${d.unit.name}» (${u.email})`),
          ]);
        }
  }
  if (unplaced.length)
    ctx.journal.add({
      action: ACTION,
      order: unplaced.map((o) => o.number).join(', '),
      result: 'не отправлено: у исполнителя не указано «Подразделение» или его нет на листе «Подразделения»',
      keys: unplaced.map((o) => unplacedKey(o.number)),
    });
  return sent;
}
