// `kontrol serve FILE.xlsx` — «Мои поручения» on this machine: the built bundle's web app (doGet,
// doPost and the functions the page calls through google.script.run) in the sandbox, over HTTP on
// 127.0.0.1 only. Requests run one at a time (as the document lock makes them in Apps Script), and
// after each one that changed the workbook it is saved in place atomically (temporary file, rename)
// before the answer goes back, so a «saved» on the page means saved on disk.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  log?: (line: string) => void;
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
  const build = () => {
    // As appsscript.json deploys it: executing as the deployer (the controller's account locally).
    sb = createSandbox({
      workbook: model,
      code: opts.code,
      now: opts.now(model),
      user: opts.user,
      webAppUrl: base,
      webApp: { executeAs: 'USER_DEPLOYING', deployer: opts.deployer ?? 'kontrol@localhost' },
    });
    functions = publicFunctions(sb);
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

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const started = performance.now();
    if (req.method === 'POST' && url.pathname.startsWith('/__run/')) {
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
        if (writesOf(s) !== before) await save();
        return r;
      });
      log(`${name}: ${(performance.now() - started).toFixed(0)} мс`);
      return send(res, 200, 'application/json', JSON.stringify(out));
    }
    if ((req.method === 'GET' || req.method === 'POST') && url.pathname === '/') {
      const post =
        req.method === 'POST' ? { type: req.headers['content-type'] ?? '', body: await body(req) } : undefined;
      const html = await serial(async () => {
        await fresh();
        const s = sb as Sandbox;
        const before = writesOf(s);
        const out = runEntry(s, post ? 'doPost' : 'doGet', webAppEvent(url.searchParams, post));
        if (writesOf(s) !== before) await save();
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
  const port = (server.address() as AddressInfo).port;
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
