// Mail from the local run (spec «Running it»): each e-mail as an .eml file in the outbox, or sent
// through SMTP with --smtp. A real SMTP server (smtp-server) on 127.0.0.1 receives it here.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEml, deliverMails, type SentMail, writeOutbox } from '../../src/local/eml';
import { emlHeader as header, emlPart as part } from '../helpers/eml';

const mail: SentMail = {
  to: 'ivanov@example.org',
  cc: 'petrov@example.org',
  subject: 'Поручения на 14.03.2025: 2 новых, 1 просрочено',
  body: 'Здравствуйте, Иван Иванович!\nНовые поручения: №12-3 «Подготовить отчёт».',
  htmlBody: '<p>Здравствуйте, Иван Иванович!</p><p>Новые поручения: №12-3 «Подготовить отчёт».</p>',
  name: 'Контроль поручений',
  at: new Date('2025-03-14T05:00:00Z'),
};

describe('SMTP delivery', () => {
  const received: { from: string; to: string[]; raw: string }[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
  });

  it('sends each mail with a Cyrillic subject and text + HTML body', async () => {
    const outbox = mkdtempSync(join(tmpdir(), 'kontrol-smtp-'));
    const r = await deliverMails(
      [mail, { ...mail, to: 'sidorov@example.org', cc: undefined, bcc: 'boss@example.org' }],
      {
        outbox,
        smtp: `smtp://127.0.0.1:${port}`,
        timeZone: 'Europe/Moscow',
        from: 'kontrol@admin.example',
      },
    );
    expect(r).toEqual({ sent: 2, written: [], failed: [] });
    expect(readdirSync(outbox)).toEqual([]);
    expect(received).toHaveLength(2);
    const [first, second] = received;
    expect(first.from).toBe('kontrol@admin.example');
    expect(first.to.sort()).toEqual(['ivanov@example.org', 'petrov@example.org']);
    expect(second.to.sort()).toEqual(['boss@example.org', 'sidorov@example.org']);
    expect(header(first.raw, 'Subject')).toBe(mail.subject);
    expect(header(first.raw, 'From')).toContain('Контроль поручений');
    expect(header(first.raw, 'Content-Type')).toMatch(/multipart\/alternative/);
    expect(part(first.raw, 'text/plain').replace(/\r\n/g, '\n')).toBe(mail.body);
    expect(part(first.raw, 'text/html')).toBe(mail.htmlBody);
    expect(header(second.raw, 'Bcc')).toBe(''); // Bcc goes in the envelope only
  });

  it('keeps in the outbox what the server did not take', async () => {
    const outbox = mkdtempSync(join(tmpdir(), 'kontrol-smtp-'));
    const r = await deliverMails([mail], { outbox, smtp: 'smtp://127.0.0.1:1', timeZone: 'Europe/Moscow' });
    expect(r.sent).toBe(0);
    expect(r.failed).toHaveLength(1);
    expect(r.written).toHaveLength(1);
    expect(readdirSync(outbox)).toHaveLength(1);
  });
});

describe('.eml outbox', () => {
  it('writes RFC 822 UTF-8 multipart/alternative files with encoded-word headers', async () => {
    const raw = (await buildEml({ ...mail, bcc: 'boss@example.org' })).toString('utf8');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(raw).not.toMatch(/^Subject:.*[А-я]/im); // no raw 8-bit Cyrillic in headers
    expect(header(raw, 'Subject')).toBe(mail.subject);
    expect(header(raw, 'To')).toBe('ivanov@example.org');
    expect(header(raw, 'Bcc')).toBe('boss@example.org'); // the file is the record of what was sent
    expect(header(raw, 'Date')).toBe('Fri, 14 Mar 2025 05:00:00 +0000');
    expect(header(raw, 'Content-Type')).toMatch(/multipart\/alternative/);
    expect(part(raw, 'text/plain; charset=utf-8')).toBe(mail.body);
    expect(part(raw, 'text/html; charset=utf-8')).toBe(mail.htmlBody);
  });

  it('names files by date and time in the zone, a sequence and the recipient, continuing the folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kontrol-eml-')), 'outbox');
    const a = await writeOutbox([mail, { ...mail, to: 'Пётр <petr@example.org>, x@y.z' }], dir, 'Europe/Moscow');
    const b = await writeOutbox([{ ...mail, to: 'z@example.org' }], dir, 'Asia/Novokuznetsk');
    expect(readdirSync(dir).sort()).toEqual([
      '2025-03-14_0800_001_ivanov@example.org.eml',
      '2025-03-14_0800_002_petr@example.org.eml',
      '2025-03-14_1200_001_z@example.org.eml',
    ]);
    expect(a).toHaveLength(2);
    expect(readFileSync(b[0], 'utf8')).toContain('z@example.org');
    await writeOutbox([mail], dir, 'Europe/Moscow');
    expect(readdirSync(dir)).toContain('2025-03-14_0800_003_ivanov@example.org.eml');
  });
});
