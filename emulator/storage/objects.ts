/**
 * The files of the local cloud storage: metadata in the storage side's own store (persisted
 * under <data>/_storage with `npm start`), bytes in memory (tests) or one file per object under
 * <data>/_storage/objects.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Store } from '../store';

export interface FileMeta {
  [k: string]: unknown;
  _id: string; // the path in the bucket, e.g. uploads/o_cust_1/a.png
  fileID: string;
  size: number;
  contentType: string;
  /** The uploader (`resource.openid` in the rules); '' for functions and the console. */
  openid: string;
  etag: string;
  uploadedAt: number;
}

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export class Objects {
  private memory = new Map<string, Buffer>();

  constructor(
    private store: Store,
    private dir?: string,
  ) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  private file(path: string): string {
    return join(this.dir!, encodeURIComponent(path));
  }

  meta(path: string): FileMeta | undefined {
    return this.store.get('files', path) as FileMeta | undefined;
  }

  list(): FileMeta[] {
    return (this.store.docs('files') as FileMeta[]).slice().sort((a, b) => a._id.localeCompare(b._id));
  }

  read(path: string): Buffer | undefined {
    if (!this.meta(path)) return undefined;
    return this.dir ? readFileSync(this.file(path)) : this.memory.get(path);
  }

  write(path: string, fileID: string, bytes: Buffer, openid: string, now: number): FileMeta {
    if (this.dir) writeFileSync(this.file(path), bytes);
    else this.memory.set(path, bytes);
    const meta: FileMeta = {
      _id: path,
      fileID,
      size: bytes.length,
      contentType: contentTypeOf(path),
      openid,
      etag: createHash('md5').update(bytes).digest('hex'),
      uploadedAt: now,
    };
    this.store.put('files', path, meta);
    return meta;
  }

  remove(path: string): boolean {
    if (!this.meta(path)) return false;
    this.store.put('files', path, null);
    if (this.dir) rmSync(this.file(path), { force: true });
    else this.memory.delete(path);
    return true;
  }

  clear(): void {
    for (const f of this.list()) this.remove(f._id);
    this.memory.clear();
  }
}
