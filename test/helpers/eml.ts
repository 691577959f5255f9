// Reading back the .eml text our mailer writes (src/local/eml.ts): headers with RFC 2047
// encoded-words and base64 / quoted-printable parts. Shared by the SMTP test and the CLI walk.

/** Decodes RFC 2047 encoded-words (B and Q) of a header value. */
export function decodeHeader(v: string): string {
  return v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** The decoded value of header `name` ('' when absent); folded lines are unfolded first. */
export function emlHeader(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head);
  return m ? decodeHeader(m[1].trim()) : '';
}

/** The decoded body of the first part with this content type ('' when there is none). */
export function emlPart(raw: string, type: string): string {
  const i = raw.search(new RegExp(`Content-Type: ${type}`, 'i'));
  if (i < 0) return '';
  const [head, ...body] = raw.slice(i).split(/\r?\n\r?\n/);
  const text = body.join('\n\n').split(/\r?\n--/)[0];
  if (/Content-Transfer-Encoding: base64/i.test(head))
    return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(head))
    return Buffer.from(
      text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return text;
}
