// The two messages of control between the dates that are not a digest line: the speed-up reminder
// to the executor (001 гл.7 п.2.4.7–2.4.8) and the escalation to a unit's head (004 п.4.1.4, 4.2.1).
// Plain text and HTML (every field through escapeHtml), Russian, ДД.ММ.ГГГГ. Pure.
import { formatRu, type IsoDate } from '../domain/dates';
import { escapeHtml } from './html';
import type { OutMail } from './mailer';

export interface SpeedUpMail {
  to: string;
  name: string;
  organization: string;
  number: string;
  text: string;
  /** The due date that passed. */
  due: IsoDate;
  expected: IsoDate;
  /** ФИО of the absent executor this is read for by a substitute. */
  onBehalfOf?: string;
  link: string;
}

const sign = (org: string) => (org ? `«Контроль поручений», ${org}` : '«Контроль поручений»');

export function composeSpeedUp(m: SpeedUpMail): OutMail {
  const e = escapeHtml;
  const lines = [
    m.name ? `${m.name}, здравствуйте.` : 'Здравствуйте.',
    '',
    `Напоминание об ускорении исполнения поручения № ${m.number}.`,
    `Поручение: ${m.text}`,
    `Срок был: ${formatRu(m.due)} — прошёл.`,
    `Исполнить не позднее: ${formatRu(m.expected)}.`,
    ...(m.onBehalfOf ? [`За отсутствующего исполнителя: ${m.onBehalfOf}`] : []),
    'В отчётах поручение остаётся просроченным с первоначального срока.',
    'Что сделать: исполните поручение и отметьте «Готово»; если срок нарушен, укажите причину в «Причина нарушения срока».',
    `Строка в таблице: ${m.link}`,
    '',
    sign(m.organization),
  ];
  const html = [
    `<p>${e(m.name ? `${m.name}, здравствуйте.` : 'Здравствуйте.')}</p>`,
    `<p><b>Напоминание об ускорении исполнения поручения № ${e(m.number)}.</b></p>`,
    `<p>Поручение: ${e(m.text)}<br>Срок был: ${e(formatRu(m.due))} — прошёл.<br>Исполнить не позднее: <b>${e(formatRu(m.expected))}</b>.`,
    m.onBehalfOf ? `<br>За отсутствующего исполнителя: ${e(m.onBehalfOf)}` : '',
    '</p><p>В отчётах поручение остаётся просроченным с первоначального срока.</p>',
    '<p>Что сделать: исполните поручение и отметьте «Готово»; если срок нарушен, укажите причину в «Причина нарушения срока».</p>',
    `<p><a href="${e(m.link)}">Строка в таблице</a></p><p>${e(sign(m.organization))}</p>`,
  ].join('');
  return {
    to: [m.to],
    subject: `Напоминание об ускорении: поручение № ${m.number}, исполнить до ${formatRu(m.expected)}`,
    text: lines.join('\n'),
    html,
  };
}

export interface EscalationMail {
  to: string;
  head: string;
  unit: string;
  organization: string;
  today: IsoDate;
  escalationDays: number;
  orders: { number: string; text: string; executor: string; due: IsoDate; days: number; isNew: boolean }[];
  link: string;
}

export function composeEscalation(m: EscalationMail): OutMail {
  const e = escapeHtml;
  const greeting = m.head ? `${m.head}, здравствуйте.` : 'Здравствуйте.';
  const fresh = m.orders.filter((o) => o.isNew).length;
  const intro = `Поручения подразделения «${m.unit}», просроченные на ${formatRu(m.today)} (впервые направляются вам — просроченные на ${m.escalationDays} раб. дн. и более: ${fresh}).`;
  const row = (o: EscalationMail['orders'][number]) =>
    `№ ${o.number}. ${o.text} — исполнитель ${o.executor}, срок ${formatRu(o.due)}, просрочка ${o.days} раб. дн.${o.isNew ? ' (новое)' : ''}`;
  const step =
    'Что сделать: примите меры к исполнению в подразделении; исполнитель отмечает «Готово» и пишет причину нарушения срока.';
  const text = [
    greeting,
    '',
    intro,
    '',
    ...m.orders.map(row),
    '',
    step,
    `Таблица: ${m.link}`,
    '',
    sign(m.organization),
  ];
  const html = [
    `<p>${e(greeting)}</p><p>${e(intro)}</p><ol>`,
    ...m.orders.map((o) => `<li>${e(row(o))}</li>`),
    `</ol><p>${e(step)}</p><p><a href="${e(m.link)}">Таблица</a></p><p>${e(sign(m.organization))}</p>`,
  ].join('');
  return {
    to: [m.to],
    subject: `Просроченные поручения подразделения «${m.unit}»: ${m.orders.length}`,
    text: text.join('\n'),
    html,
  };
}
