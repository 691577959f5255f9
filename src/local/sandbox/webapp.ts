// The web app's entry points in the sandbox, as strict as Apps Script: doGet/doPost get the event
// object of guides/web («Request parameters»), must return an HtmlOutput (or TextOutput); the page's
// google.script.run may call only the script's public top-level functions (a name ending in «_» is
// private), with arguments and results of the legal types of guides/html/reference/run; meta tags
// written in the page are ignored and only HtmlOutput.addMetaTag's reach the browser; the page gets
// its title from setTitle. `kontrol serve` (src/local/serve.ts) serves what this file builds.
import { types } from 'node:util';
import type { Sandbox } from './index';
import { HtmlOutputImpl } from './services';

/** The doGet/doPost event (guides/web): queryString, parameter (first values), parameters (all). */
export function webAppEvent(query: URLSearchParams, post?: { type: string; body: string }): Record<string, unknown> {
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  const add = (k: string, v: string) => {
    if (!(k in parameter)) parameter[k] = v;
    if (!parameters[k]) parameters[k] = [];
    parameters[k].push(v);
  };
  for (const [k, v] of query) add(k, v);
  const e: Record<string, unknown> = {
    queryString: query.toString() || null,
    parameter,
    parameters,
    contextPath: '',
    contentLength: -1,
  };
  if (post) {
    if (post.type.startsWith('application/x-www-form-urlencoded'))
      for (const [k, v] of new URLSearchParams(post.body)) add(k, v);
    e.contentLength = Buffer.byteLength(post.body);
    e.postData = { length: Buffer.byteLength(post.body), type: post.type, contents: post.body, name: 'postData' };
  }
  return e;
}

export const NOT_SUPPORTED = 'The script completed but the returned value is not a supported return type.';
export const NO_DOGET = 'Script function not found: doGet';

/** Runs doGet or doPost; anything but an HtmlOutput (TextOutput is not modelled) is Apps Script's error. */
export function runEntry(sb: Sandbox, fn: 'doGet' | 'doPost', event: Record<string, unknown>): HtmlOutputImpl {
  const out = sb.run(fn, event, { trigger: 'webapp' });
  if (!(out instanceof HtmlOutputImpl)) throw new Error(NOT_SUPPORTED);
  return out;
}

/**
 * The functions a page may call: every top-level function of the script (guides/html/reference/run:
 * «any server-side function»), except names ending in «_», which Apps Script keeps private. The
 * bundle's stubs are such functions; so is any other top-level function a file declares.
 */
export function publicFunctions(sb: Sandbox): string[] {
  const names = sb.evaluate(
    "Object.keys(globalThis).filter(function (k) { return typeof globalThis[k] === 'function'; })",
  ) as string[];
  return [...names].filter((n) => !n.endsWith('_')).sort();
}

/** Legal google.script.run values: primitives, null, arrays and plain objects of them; no Date, no function. */
export function illegalValue(x: unknown, path = 'value', seen = new Set<unknown>()): string | null {
  if (x === null || x === undefined) return null;
  const t = typeof x;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t === 'function') return `${path} is a function`;
  if (types.isDate(x)) return `${path} is a Date`;
  if (t !== 'object') return `${path} is a ${t}`;
  if (seen.has(x)) return `${path} is a circular reference`;
  seen.add(x);
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const r = illegalValue(x[i], `${path}[${i}]`, seen);
      if (r) return r;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(x);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return `${path} is not a plain object`;
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
    const r = illegalValue(v, `${path}.${k}`, seen);
    if (r) return r;
  }
  return null;
}

/** Copies a result out of the bundle's realm as JSON would (undefined fields dropped). */
function plain(x: unknown): unknown {
  return x === undefined ? null : JSON.parse(JSON.stringify(x));
}

export type RunResult = { ok: true; value: unknown } | { ok: false; error: string };

/** One google.script.run call. A server exception reaches the failure handler as its message. */
export function runServerFunction(sb: Sandbox, name: string, args: unknown[], allowed: readonly string[]): RunResult {
  if (!allowed.includes(name)) return { ok: false, error: `google.script.run.${name} is not a function` };
  const bad = illegalValue(args, 'argument');
  if (bad) return { ok: false, error: `Invalid argument: ${bad}` };
  try {
    const value = sb.invoke(name, args, { trigger: 'webapp' });
    const illegal = illegalValue(value, 'result');
    // The client gets null for a result it cannot receive (guides/html/reference/run: legal types only).
    return { ok: true, value: illegal ? null : plain(value) };
  } catch (e) {
    return { ok: false, error: String((e as Error)?.message ?? e) };
  }
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The client half of google.script.run over HTTP (POST /__run/NAME with the arguments as JSON). */
export function runShim(functions: readonly string[]): string {
  return `(function () {
  var names = ${JSON.stringify(functions)};
  function runner(ok, fail, user) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, fail, user); },
      withFailureHandler: function (f) { return runner(ok, f, user); },
      withUserObject: function (u) { return runner(ok, fail, u); }
    };
    names.forEach(function (n) {
      r[n] = function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/__run/' + encodeURIComponent(n), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })
          .then(function (res) { return res.json(); })
          .then(function (res) {
            if (res.ok) { if (ok) ok(res.value, user); }
            else if (fail) { var e = new Error(res.error); e.name = 'ScriptError'; fail(e, user); }
          }, function (err) { if (fail) fail(new Error('NetworkError: ' + err.message), user); });
      };
    });
    return r;
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () {}, setHeight: function () {}, setWidth: function () {} } } };
})();`;
}

/**
 * The document the browser gets for an HtmlOutput: the title from setTitle and the meta tags from
 * addMetaTag; the page's own <title> and <meta name="viewport"> are dropped, as Apps Script's
 * wrapper ignores them. The shim goes first in <head>, where Apps Script's google.script lives.
 */
export function servedDocument(out: HtmlOutputImpl, functions: readonly string[]): string {
  const head = [
    '<meta charset="utf-8">',
    `<title>${escapeAttr(out.getTitle())}</title>`,
    ...out.metaTags.map((m) => `<meta name="${escapeAttr(m.name)}" content="${escapeAttr(m.content)}">`),
    `<script>${runShim(functions)}</script>`,
  ].join('\n');
  let html = out.getContent();
  html = html.replace(/<title>[\s\S]*?<\/title>/gi, '').replace(/<meta\s+name=["']?viewport["']?[^>]*>/gi, '');
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => `${m}\n${head}`);
  return `<!DOCTYPE html><html><head>${head}</head><body>${html}</body></html>`;
}
