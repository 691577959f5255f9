// CacheService (reference/cache/cache-service, reference/cache/cache): short-term string storage
// kept by Google, not in the workbook. get(key) gives the value or null; put(key, value[, seconds])
// keeps it for `seconds` (default 600, at most 21600 = 6 hours); remove(key) drops it; getAll,
// putAll and removeAll do the same for several keys. Keys of more than 250 characters and values of
// more than 100 KB are refused, as Apps Script refuses them. The script cache is one for every user;
// the user cache one per user; the document cache one per document (null outside a bound document's
// context: a web app here, as getDocumentLock). Entries expire by the sandbox clock and do not
// outlive the sandbox (a new `kontrol run` starts with an empty cache, as a cache may be evicted).
import { instrument, type SandboxState } from './state';

const DEFAULT_SECONDS = 600;
const MAX_SECONDS = 21_600;
const MAX_KEY = 250;
const MAX_VALUE = 100 * 1024;

interface Entry {
  value: string;
  until: number;
}

export class CacheImpl {
  constructor(
    readonly st: SandboxState,
    readonly store: Map<string, Entry>,
  ) {}
  private _key(key: unknown): string {
    const k = String(key);
    if (k.length > MAX_KEY) throw this.st.err('Argument too large: key');
    return k;
  }
  private _live(k: string): Entry | undefined {
    const e = this.store.get(k);
    if (e && e.until <= this.st.now()) {
      this.store.delete(k);
      return undefined;
    }
    return e;
  }
  get(key: unknown) {
    return this._live(this._key(key))?.value ?? null;
  }
  getAll(keys: unknown[]) {
    const o = this.st.realm.newObject();
    for (const key of keys ?? []) {
      const e = this._live(this._key(key));
      if (e) o[String(key)] = e.value;
    }
    return o;
  }
  put(key: unknown, value: unknown, seconds?: number) {
    const k = this._key(key);
    const v = String(value);
    if (Buffer.byteLength(v) > MAX_VALUE) throw this.st.err('Argument too large: value');
    const s = seconds === undefined ? DEFAULT_SECONDS : Math.min(Math.max(0, Number(seconds) || 0), MAX_SECONDS);
    this.store.set(k, { value: v, until: this.st.now() + s * 1000 });
  }
  putAll(values: Record<string, unknown>, seconds?: number) {
    // One call (reference/cache/cache#putAll(Object,Integer)): its puts are not counted as calls.
    this.st.quiet(() => {
      for (const [k, v] of Object.entries(values ?? {})) this.put(k, v, seconds);
    });
  }
  remove(key: unknown) {
    this.store.delete(this._key(key));
  }
  removeAll(keys: unknown[]) {
    for (const k of keys ?? []) this.remove(k);
  }
}

export class CacheServiceImpl {
  private readonly script = new Map<string, Entry>();
  private readonly document = new Map<string, Entry>();
  private readonly users = new Map<string, Map<string, Entry>>();
  constructor(readonly st: SandboxState) {}
  getScriptCache() {
    return new CacheImpl(this.st, this.script);
  }
  getUserCache() {
    const u = this.st.effectiveUser;
    let m = this.users.get(u);
    if (!m) {
      m = new Map();
      this.users.set(u, m);
    }
    return new CacheImpl(this.st, m);
  }
  getDocumentCache() {
    if (this.st.trigger === 'webapp') return null;
    return new CacheImpl(this.st, this.document);
  }
}
instrument(CacheImpl, 'Cache');
instrument(CacheServiceImpl, 'CacheService');
