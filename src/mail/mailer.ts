// Sending one message with every guard the spec asks for: «Рассылка включена», the daily quota
// (checked before sending, what does not fit waits for the next run), the run's time budget, and a
// failure of one message never stopping the run. A sent message's keys are written to «Журнал» at
// once, so the window in which a crash could lose the record is a single call wide.

/** One line about a message: «Действие», «№ поручения», «Получатели», «Результат», its keys. */
export interface SendRecord {
  action: string;
  order?: string;
  recipients?: string;
  result: string;
  keys?: readonly string[];
}

/**
 * Where the mailer writes down what became of each message. The jobs hand it «Журнал» (mail never
 * touches the workbook itself): `appendNow` records a sent message and its keys in one call at once,
 * `add` queues an outcome for the run's next flush.
 */
export interface SendRecorder {
  appendNow(e: SendRecord): void;
  add(e: SendRecord): void;
}

export interface OutMail {
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  text: string;
  html: string;
}

export interface MailMeta {
  /** «Действие» in «Журнал», e.g. «Уведомление исполнителю». */
  action: string;
  /** Order numbers (or other item ids) the message covers, for «№ поручения». */
  items?: readonly string[];
  /** Idempotency keys recorded when the message is sent. */
  keys: readonly string[];
}

export type SendOutcome = 'sent' | 'skipped' | 'deferred' | 'failed';

export interface MailerOptions {
  enabled: boolean;
  recorder: SendRecorder;
  /** ms left in this run's budget; a message is not started with less than minMsLeft. */
  timeLeftMs: () => number;
  minMsLeft?: number;
  senderName?: string;
}

const QUOTA_ERROR = /too many times|quota|слишком много/i;

export class Mailer {
  private remaining: number | null = null;
  /** deferred counts every deferral; late only those for time (the run's budget), not for quota. */
  readonly counts = { sent: 0, skipped: 0, deferred: 0, failed: 0, late: 0 };

  constructor(private readonly opts: MailerOptions) {}

  private quota(): number {
    if (this.remaining === null) this.remaining = MailApp.getRemainingDailyQuota();
    return this.remaining;
  }

  send(mail: OutMail, meta: MailMeta): SendOutcome {
    const recipients = [...mail.to, ...(mail.cc ?? [])];
    const who = recipients.join(', ');
    const items = (meta.items ?? []).join(', ');
    const log = (result: string, keys?: readonly string[]) =>
      keys
        ? this.opts.recorder.appendNow({ action: meta.action, order: items, recipients: who, result, keys })
        : this.opts.recorder.add({ action: meta.action, order: items, recipients: who, result });

    if (!this.opts.enabled) {
      log('пропущено: рассылка выключена («Рассылка включена» = Нет)');
      this.counts.skipped++;
      return 'skipped';
    }
    if (mail.to.length === 0) {
      log('пропущено: нет адреса получателя');
      this.counts.skipped++;
      return 'skipped';
    }
    if (this.opts.timeLeftMs() < (this.opts.minMsLeft ?? 20_000)) {
      log('отложено: мало времени до предела выполнения, письмо уйдёт при следующем запуске');
      this.counts.deferred++;
      this.counts.late++;
      return 'deferred';
    }
    if (this.quota() < recipients.length) {
      log(`отложено: исчерпана дневная квота писем (осталось ${this.quota()})`);
      this.counts.deferred++;
      return 'deferred';
    }
    try {
      MailApp.sendEmail({
        to: mail.to.join(','),
        cc: mail.cc?.length ? mail.cc.join(',') : undefined,
        subject: mail.subject,
        body: mail.text,
        htmlBody: mail.html,
        name: this.opts.senderName ?? 'Контроль поручений',
      } as GoogleAppsScript.Mail.MailAdvancedParameters);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (QUOTA_ERROR.test(msg)) {
        this.remaining = 0;
        log(`отложено: исчерпана дневная квота писем (${msg})`);
        this.counts.deferred++;
        return 'deferred';
      }
      log(`ошибка отправки: ${msg}`);
      this.counts.failed++;
      return 'failed';
    }
    this.remaining = this.quota() - recipients.length;
    log('отправлено', meta.keys);
    this.counts.sent++;
    return 'sent';
  }
}
