// `kontrol serve FILE.xlsx` — «Мои поручения» on this machine: the built bundle's web app (doGet,
// doPost and the functions the page calls through google.script.run) in the sandbox, over HTTP on
// 127.0.0.1 only. Requests run one at a time (as the document lock makes them in Apps Script), and
// after each one that changed the workbook it is saved in place atomically (temporary file, rename)
// before the answer goes back, so a «saved» on the page means saved on disk. Mail the bundle sends
// goes to the outbox as `kontrol run` sends it: staged, the workbook saved, then delivered.
//
// As open as Google (issue 19): /__run/NAME calls any public global, as google.script.run can; the
// bundle's own guards (src/entry/guard.ts) decide. What Google's front end does and a bare local
// server would not: only its own Host is answered (127.0.0.1 or localhost with its port, or the
// --base-url host; else 421), so a web page elsewhere cannot reach it by DNS rebinding; and /__run/
// takes only application/json (else 415) from its own origin (another Origin or Sec-Fetch-Site:
// 403), so another site open in the operator's browser cannot call it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { flushQueue, stageMails } from './eml';
import type { WorkbookModel } from './model';
import { createSandbox, type Sandbox } from './sandbox/index';
import { publicFunctions, runEntry, runServerFunction, servedDocument, webAppEvent } from './sandbox/webapp';
import { loadXlsx, saveXlsx } from './xlsx';

export interface ServeOptions {
  file: string;
  code: string;
  /** 0 = any free port. */
  port: number;
  /** The address links in e-mails and the page use; default http://127.0.0.1:PORT/. */
  baseUrl?: string;
  /** The sandbox clock's start (from --today/--time), else real time. */
  now: (model: WorkbookModel) => Date;
  user?: string;
  /** The account the web app executes as (the deployer); default kontrol@localhost. */
  deployer?: string;
  /** Where mail the bundle sends goes (.eml files and the queue); default outbox/ beside the workbook. */
  outbox?: string;
  /** Deliver through SMTP instead of writing .eml files. */
  smtp?: string;
  log?: (line: string) => void;
  /** As Google's guide to bound scripts says: no active spreadsheet in a web app (default: KONTROL_NO_ACTIVE). */
  noActiveSpreadsheet?: boolean;
}

export interface Served {
  url: string;
  port: number;
  /** A personal link for `email` (signed by the bundle with the workbook's secret). */
  linkFor(email: string): Promise<string>;
  /** Resolves when every queued request is done. */
  idle(): Promise<void>;
  /** The workbook as last saved (the same object the sandbox works on). */
  model(): WorkbookModel;
  close(): Promise<void>;
}

/** Service calls that change the workbook (or its properties): after any of them it is saved. */
const WRITES =
  /^(Range|RangeList|Sheet|Spreadsheet|Properties)\.(set|append|insert|delete|clear|add|remove|merge|hide|show|protect|copy|move|sort)/;

function writesOf(sb: Sandbox): number {
  let n = 0;
  for (const [k, v] of Object.entries(sb.calls)) if (WRITES.test(k)) n += v;
  return n;
}

async function body(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new Error('Слишком большой запрос');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startServe(opts: ServeOptions): Promise<Served> {
  const log = opts.log ?? (() => {});
  let model = await loadXlsx(opts.file);
  let mtime = statSync(opts.file).mtimeMs;
  let sb: Sandbox | null = null;
  let functions: string[] = [];
  let base = '';
  /** How many of the sandbox's sent mails are already in the outbox. */
  let mailed = 0;
  const outbox = resolve(opts.outbox ?? join(dirname(opts.file), 'outbox'));
  const build = () => {
    // As appsscript.json deploys it: executing as the deployer (the controller's account locally).
    sb = createSandbox({
      workbook: model,
      code: opts.code,
      now: opts.now(model),
      user: opts.user,
      webAppUrl: base,
      webApp: { executeAs: 'USER_DEPLOYING', deployer: opts.deployer ?? 'kontrol@localhost' },
      ...(opts.noActiveSpreadsheet === undefined ? {} : { noActiveSpreadsheet: opts.noActiveSpreadsheet }),
    });
    functions = publicFunctions(sb);
    mailed = 0;
  };
  /** Someone else saved the file (kontrol run/edit): work on what is on disk now. */
  const fresh = async () => {
    const m = existsSync(opts.file) ? statSync(opts.file).mtimeMs : mtime;
    if (m !== mtime) {
      model = await loadXlsx(opts.file);
      mtime = m;
      build();
    }
  };
  const save = async () => {
    await saveXlsx(model, opts.file);
    mtime = statSync(opts.file).mtimeMs;
  };
  /**
   * After one request: as `kontrol run` does — the new mails staged, the workbook saved, the mails
   * committed and delivered (a failed delivery waits in the queue for `kontrol send`).
   */
  const persist = async (s: Sandbox, writesBefore: number) => {
    const fresh = s.mails.slice(mailed);
    if (!fresh.length) {
      if (writesOf(s) !== writesBefore) await save();
      return;
    }
    const staged = await stageMails(fresh, outbox);
    try {
      await save();
    } catch (e) {
      await staged.discard();
      throw e;
    }
    await staged.commit();
    mailed = s.mails.length;
    const d = await flushQueue(outbox, { smtp: opts.smtp, timeZone: model.timeZone }).catch((e) => {
      log(`письма остались в очереди: ${String((e as Error)?.message ?? e)}`);
      return null;
    });
    if (d) log(`писем: ${fresh.length} → ${outbox}`);
  };

  let port = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => {});
    return next;
  };

  const send = (res: ServerResponse, status: number, type: string, text: string) => {
    res.writeHead(status, {
      'Content-Type': `${type}; charset=utf-8`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(text);
  };

  /** Hosts this server answers to: its own address with its port, and the --base-url host. */
  const hosts = () => {
    const own = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (opts.baseUrl)
      try {
        own.push(new URL(opts.baseUrl).host.toLowerCase());
      } catch {
        // checked by the CLI
      }
    return own;
  };
  /** A browser's cross-site request says so (Origin, Sec-Fetch-Site); a missing header is a non-browser client. */
  const crossSite = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts().some((h) => origin.toLowerCase() === `http://${h}`)) return true;
    const site = req.headers['sec-fetch-site'];
    return site !== undefined && site !== 'same-origin' && site !== 'none';
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hosts().includes(String(req.headers.host ?? '').toLowerCase()))
      return send(res, 421, 'text/plain', 'Этот сервер отвечает только по своему адресу (127.0.0.1 или localhost).');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const started = performance.now();
    if (url.pathname.startsWith('/__run/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Только POST');
      if (crossSite(req)) return send(res, 403, 'text/plain', 'Запрос с другого сайта отклонён');
      const type = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      if (type !== 'application/json') return send(res, 415, 'text/plain', 'Нужен Content-Type: application/json');
      const name = decodeURIComponent(url.pathname.slice('/__run/'.length));
      let args: unknown;
      try {
        args = JSON.parse(await body(req));
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: 'Bad request' }));
      }
      const out = await serial(async () => {
        await fresh();
        const s = sb as Sandbox;
        const before = writesOf(s);
        const r = runServerFunction(s, name, Array.isArray(args) ? args : [], functions);
        await persist(s, before);
        return r;
      });
      log(`${name}: ${(performance.now() - started).toFixed(0)} мс`);
      return send(res, 200, 'application/json', JSON.stringify(out));
    }
    if ((req.method === 'GET' || req.method === 'POST') && url.pathname === '/') {
      if (req.method === 'POST' && crossSite(req))
        return send(res, 403, 'text/plain', 'Запрос с другого сайта отклонён');
      const post =
        req.method === 'POST' ? { type: req.headers['content-type'] ?? '', body: await body(req) } : undefined;
      const html = await serial(async () => {
        await fresh();
        const s = sb as Sandbox;
        const before = writesOf(s);
        const out = runEntry(s, post ? 'doPost' : 'doGet', webAppEvent(url.searchParams, post));
        await persist(s, before);
        return servedDocument(out, functions);
      });
      return send(res, 200, 'text/html', html);
    }
    return send(res, 404, 'text/plain', 'Нет такой страницы');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      log(`ошибка: ${String((e as Error)?.message ?? e)}`);
      if (!res.headersSent)
        send(res, 500, 'text/plain', `Ошибка: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  base = opts.baseUrl ?? `http://127.0.0.1:${port}/`;
  build();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    linkFor: (email) =>
      serial(async () => {
        await fresh();
        const s = sb as Sandbox;
        const before = writesOf(s);
        const link = String(s.api('link', { email }));
        if (writesOf(s) !== before) await save(); // the secret was made just now
        return link;
      }),
    idle: () => serial(async () => {}),
    model: () => model,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** The bundle for serve: the same dist/Code.js every command runs. */
export function readBundle(path: string): string {
  return readFileSync(path, 'utf8');
}
