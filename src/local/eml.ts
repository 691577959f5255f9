// Where the sandbox's e-mails go on one machine: RFC 822 .eml files in an outbox folder
// (UTF-8, multipart/alternative text + HTML, encoded-word headers), or an SMTP server.
// Node only: never bundled into Code.js.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { dayjs } from '../domain/dates';
import type { SentMail } from './sandbox/state';
import { writeAtomic } from './xlsx';

/** One e-mail the add-on sent through MailApp in the sandbox: the sandbox's own record, one shape for both. */
export type { SentMail };

export interface DeliverOptions {
  /** Folder for .eml files (created if absent). */
  outbox: string;
  /** 'smtp://host:port' (or smtps://user:pass@host:port): send instead of writing files. */
  smtp?: string;
  /** Zone for the file names' date and time (the spreadsheet's). */
  timeZone: string;
  /** Envelope sender; Apps Script sends from the user's own address. */
  from?: string;
}

export interface DeliverResult {
  sent: number;
  written: string[];
  /** One line per mail that could not be sent by SMTP (then it was written to the outbox). */
  failed: string[];
}

export const DEFAULT_FROM = 'kontrol@localhost';

function message(mail: SentMail, from: string) {
  return {
    from: { name: mail.name || 'Контроль поручений', address: from },
    to: mail.to,
    cc: mail.cc || undefined,
    bcc: mail.bcc || undefined,
    replyTo: mail.replyTo || undefined,
    subject: mail.subject,
    text: mail.body,
    html: mail.htmlBody || undefined,
    date: mail.at,
    textEncoding: 'base64' as const,
  };
}

/** The mail as RFC 822 bytes (Bcc kept, since the file is the record of what was sent). */
export async function buildEml(mail: SentMail, from = DEFAULT_FROM): Promise<Buffer> {
  const node = new MailComposer(message(mail, from)).compile();
  node.keepBcc = true;
  return node.build();
}

/** The first recipient's address, safe in a file name. */
function safePart(to: string): string {
  const first = to.split(',')[0].trim();
  const addr = /<([^>]*)>/.exec(first)?.[1] ?? first;
  const safe = addr
    .replace(/[^A-Za-z0-9@._-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return safe || 'без-адреса';
}

/**
 * Writes each mail as `<YYYY-MM-DD_HHmm>_<nnn>_<recipient>.eml` (time in the spreadsheet's
 * zone, nnn continuing the numbers already in the folder for that minute), so a plain sort of
 * the folder is the order of sending.
 */
export async function writeOutbox(mails: SentMail[], dir: string, timeZone: string): Promise<string[]> {
  if (mails.length === 0) return [];
  mkdirSync(dir, { recursive: true });
  const existing = existsSync(dir) ? readdirSync(dir) : [];
  const next = new Map<string, number>();
  const out: string[] = [];
  for (const mail of mails) {
    const prefix = dayjs(mail.at).tz(timeZone).format('YYYY-MM-DD_HHmm');
    if (!next.has(prefix)) {
      const used = existing
        .filter((f) => f.startsWith(`${prefix}_`))
        .map((f) => Number(f.slice(prefix.length + 1, prefix.length + 4)))
        .filter(Number.isFinite);
      next.set(prefix, used.length ? Math.max(...used) + 1 : 1);
    }
    const seq = next.get(prefix)!;
    next.set(prefix, seq + 1);
    const file = join(dir, `${prefix}_${String(seq).padStart(3, '0')}_${safePart(mail.to)}.eml`);
    await writeAtomic(file, await buildEml(mail));
    out.push(file);
  }
  return out;
}

/** Sends the mails one by one through SMTP; returns how many went and why the others did not. */
export async function sendSmtp(
  mails: SentMail[],
  url: string,
  from = DEFAULT_FROM,
): Promise<{ sent: number; failed: { mail: SentMail; reason: string }[] }> {
  const transport = nodemailer.createTransport(url);
  let sent = 0;
  const failed: { mail: SentMail; reason: string }[] = [];
  try {
    for (const mail of mails) {
      try {
        await transport.sendMail(message(mail, from));
        sent++;
      } catch (e) {
        failed.push({ mail, reason: String((e as Error).message ?? e).split('\n')[0] });
      }
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}

/** Delivers the sandbox's mails: by SMTP when asked (what fails is kept in the outbox), else to the outbox. */
export async function deliverMails(mails: SentMail[], opts: DeliverOptions): Promise<DeliverResult> {
  const from = opts.from ?? process.env.KONTROL_FROM ?? DEFAULT_FROM;
  if (!opts.smtp) return { sent: 0, written: await writeOutbox(mails, opts.outbox, opts.timeZone), failed: [] };
  const { sent, failed } = await sendSmtp(mails, opts.smtp, from);
  const written = await writeOutbox(
    failed.map((f) => f.mail),
    opts.outbox,
    opts.timeZone,
  );
  return { sent, written, failed: failed.map((f) => `${f.mail.to}: ${f.reason}`) };
}

// ---------------------------------------------------------------- the outbox queue
//
// Mail leaves this machine only after the workbook with its «Журнал» keys is saved (spec «On one
// machine»): a run stages its mails in <outbox>/queue as *.staged, saves the workbook, then commits
// them (rename to *.json) and delivers the queue. A failed save discards the staged files, so the
// rerun (which finds no keys) makes them again; what the server does not take stays queued and
// goes with the next `run` or `kontrol send`, and a delivered entry is removed, so never twice.

/** The queue folder of an outbox. */
export function queueDir(outbox: string): string {
  return join(outbox, 'queue');
}

interface QueueEntry {
  mail: Omit<SentMail, 'at'> & { at: string };
}

/** Mails written to the queue but not yet committed: commit once the workbook is saved, else discard. */
export interface StagedMails {
  count: number;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export async function stageMails(mails: SentMail[], outbox: string): Promise<StagedMails> {
  const dir = queueDir(outbox);
  const files: string[] = [];
  if (mails.length) mkdirSync(dir, { recursive: true });
  // Names sort in the order of sending, across runs.
  const stamp = `${String(Date.now()).padStart(14, '0')}-${process.pid}`;
  try {
    for (const [i, mail] of mails.entries()) {
      const file = join(dir, `${stamp}_${String(i + 1).padStart(4, '0')}.staged`);
      const entry: QueueEntry = { mail: { ...mail, at: new Date(mail.at).toISOString() } };
      await writeFile(file, `${JSON.stringify(entry)}\n`);
      files.push(file);
    }
  } catch (e) {
    await Promise.all(files.map((f) => unlink(f).catch(() => {})));
    throw e;
  }
  return {
    count: files.length,
    async commit() {
      for (const f of files) await rename(f, f.replace(/\.staged$/, '.json'));
    },
    async discard() {
      await Promise.all(files.map((f) => unlink(f).catch(() => {})));
    },
  };
}

export interface QueueResult extends DeliverResult {
  /** Mails still waiting in the queue after this delivery. */
  waiting: number;
  /** Staged files left by a run that stopped between staging and commit (not sent: their save is unknown). */
  unconfirmed: number;
}

/** Delivers the committed queue of an outbox, oldest first: each entry is removed once delivered. */
export async function flushQueue(outbox: string, opts: Omit<DeliverOptions, 'outbox'>): Promise<QueueResult> {
  const dir = queueDir(outbox);
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const entries = names.filter((n) => n.endsWith('.json'));
  const unconfirmed = names.filter((n) => n.endsWith('.staged')).length;
  const from = opts.from ?? process.env.KONTROL_FROM ?? DEFAULT_FROM;
  const result: QueueResult = { sent: 0, written: [], failed: [], waiting: 0, unconfirmed };
  const transport = opts.smtp && entries.length ? nodemailer.createTransport(opts.smtp) : null;
  try {
    for (const name of entries) {
      const path = join(dir, name);
      const entry = JSON.parse(await readFile(path, 'utf8')) as QueueEntry;
      const mail: SentMail = { ...entry.mail, at: new Date(entry.mail.at) } as SentMail;
      if (transport) {
        try {
          await transport.sendMail(message(mail, from));
        } catch (e) {
          result.failed.push(`${mail.to}: ${String((e as Error).message ?? e).split('\n')[0]}`);
          result.waiting++;
          continue;
        }
        result.sent++;
      } else {
        result.written.push(...(await writeOutbox([mail], outbox, opts.timeZone)));
      }
      await unlink(path);
    }
  } finally {
    transport?.close();
  }
  return result;
}
