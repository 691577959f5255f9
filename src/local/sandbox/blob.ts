// Blob and Utilities.gzip / ungzip, as far as the add-on uses them (the page's index packs each
// entry: workbook/page-index.ts). Copied from
// developers.google.com/apps-script/reference/base/blob and …/utilities/utilities#gzip(BlobSource):
// a Blob holds bytes, a content type and a name; getBytes() gives the bytes as signed Java bytes,
// getDataAsString() decodes them as UTF-8 (or the charset given). gzip(blob[, name]) «compresses
// the provided Blob data and returns it in a new Blob object», typed application/x-gzip;
// ungzip(blob) «uncompresses a Blob object and returns a Blob containing the uncompressed data», and
// throws on bytes that are not gzip (the message is ours: the reference gives none).
import { gunzipSync, gzipSync } from 'node:zlib';
import { instrument, type SandboxState } from './state';

export const GZIP_TYPE = 'application/x-gzip';

export class BlobImpl {
  constructor(
    readonly st: SandboxState,
    readonly _bytes: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}
  getBytes(): number[] {
    const a = this.st.realm.newArray(this._bytes.length) as number[];
    for (let i = 0; i < this._bytes.length; i++) a[i] = this._bytes[i] > 127 ? this._bytes[i] - 256 : this._bytes[i];
    return a;
  }
  getDataAsString(charset?: string): string {
    return this._bytes.toString(charset === 'US_ASCII' ? 'ascii' : 'utf8');
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(type: string): BlobImpl {
    this.contentType = type;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): BlobImpl {
    this.name = name;
    return this;
  }
  copyBlob(): BlobImpl {
    return new BlobImpl(this.st, Buffer.from(this._bytes), this.contentType, this.name);
  }
}
instrument(BlobImpl, 'Blob');

/** The bytes of a Blob the script passes (a BlobImpl, or anything with getBytes, as BlobSource). */
export function blobBytes(st: SandboxState, blob: unknown, method: string): Buffer {
  if (blob instanceof BlobImpl) return blob._bytes;
  const source = blob as { getBytes?: () => number[] } | null;
  if (!source || typeof source.getBytes !== 'function')
    throw st.err(`The parameters (${typeof blob}) don't match the method signature for ${method}.`);
  return Buffer.from(source.getBytes().map((b) => Number(b) & 255));
}

export function gzipBlob(st: SandboxState, blob: unknown, name?: string): BlobImpl {
  const bytes = blobBytes(st, blob, 'Utilities.gzip');
  return new BlobImpl(st, gzipSync(bytes), GZIP_TYPE, name ?? null);
}

export function ungzipBlob(st: SandboxState, blob: unknown): BlobImpl {
  const bytes = blobBytes(st, blob, 'Utilities.ungzip');
  try {
    return new BlobImpl(st, gunzipSync(bytes));
  } catch {
    throw st.err('Could not decompress gzip.');
  }
}
