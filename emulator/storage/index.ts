/**
 * Cloud storage on the local cloud, on the SDK's wire (@cloudbase/node-sdk src/storage/index.ts):
 *   storage.getUploadMetadata {path, method:'put'} → {data:{url, token, authorization, fileId, cosFileId, download_url}},
 *     then the SDK PUTs the bytes to `url` with `authorization` (here /_storage/<bucket>/<path>);
 *   storage.batchGetDownloadUrl {file_list:[{fileid, max_age}]} → {data:{download_list:[{fileID, tempFileURL, code}]}};
 *   storage.batchDeleteFile {fileid_list} → {data:{delete_list:[{fileID, code}]}};
 *   downloadFile = a temp URL + GET.
 * File ids are `cloud://<env>.<bucket>/<path>`. Temp URLs are signed and expire on the local
 * clock. Client access (the mini-program's wx.cloud.uploadFile / getTempFileURL / deleteFile) is
 * served at /client/storage/* under database/storage-rules.json, caller from `x-wx-openid`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type http from 'node:http';
import { join } from 'node:path';
import { Persistence } from '../persistence';
import { DbError, Store } from '../store';
import { readBytes } from '../http-util';
import { Objects } from './objects';
import { allows, loadStorageRules, type StorageRules } from './rules';

import { LOCAL_BUCKET } from './bucket';

export { LOCAL_BUCKET } from './bucket';
const MAX_UPLOAD = 50 * 1024 * 1024;
const DEFAULT_MAX_AGE_S = 86_400;

export interface StorageHost {
  repoRoot: string;
  dataDir?: string;
  envId: string;
  now(): number;
  /** http://127.0.0.1:<port> of the local cloud. */
  baseUrl(): string;
}

interface Reply {
  status: number;
  body: unknown;
}

const xmlError = (code: string, message: string) =>
  `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomBytes(8).toString('hex')}</RequestId><TraceId>${randomBytes(8).toString('hex')}</TraceId></Error>`;

/** A bucket path: relative, no `..`, no backslashes, at most 850 characters. */
export function isCloudPath(path: unknown): path is string {
  return typeof path === 'string' && path.length > 0 && path.length <= 850 && !path.startsWith('/') && !path.includes('\\') && !path.split('/').some((s) => s === '..' || s === '.' || s === '');
}

export class StorageSide {
  readonly store: Store;
  readonly objects: Objects;
  readonly rules: StorageRules;
  private secret = randomBytes(16);

  constructor(private host: StorageHost) {
    this.store = new Store(host.dataDir ? new Persistence(join(host.dataDir, '_storage')) : undefined);
    this.objects = new Objects(this.store, host.dataDir ? join(host.dataDir, '_storage', 'objects') : undefined);
    this.rules = loadStorageRules(host.repoRoot);
  }

  async load(): Promise<void> {
    await this.store.load();
    this.store.createCollection('files');
  }

  reset(): void {
    this.objects.clear();
    this.store.clear();
    this.store.createCollection('files');
  }

  async stop(): Promise<void> {
    await this.store.flush();
  }

  fileIdOf(path: string): string {
    return `cloud://${this.host.envId}.${LOCAL_BUCKET}/${path}`;
  }

  pathOf(fileID: unknown): string | undefined {
    const m = typeof fileID === 'string' ? /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileID) : null;
    return m && m[1] === this.host.envId && m[2] === LOCAL_BUCKET && isCloudPath(m[3]) ? m[3] : undefined;
  }

  private sign(...parts: string[]): string {
    return createHmac('sha256', this.secret).update(parts.join('\n')).digest('hex');
  }

  /** A signed URL valid for `maxAgeS` seconds of the local clock (the path is not percent-encoded: the SDK runs encodeURI on it). */
  tempUrl(path: string, maxAgeS = DEFAULT_MAX_AGE_S): string {
    const t = Math.floor(this.host.now() / 1000) + maxAgeS;
    return `${this.host.baseUrl()}/_storage/${LOCAL_BUCKET}/${path}?sign=${this.sign('get', path, String(t))}&t=${t}`;
  }

  /** The SDK's storage.* actions on /admin. */
  admin(action: string, body: Record<string, unknown>): Record<string, unknown> {
    if (action === 'storage.getUploadMetadata') {
      if (!isCloudPath(body.path)) throw new DbError('INVALID_PARAM', 'cloudPath must be a relative path without .. (at most 850 characters)');
      const path = body.path;
      const url = `${this.host.baseUrl()}/_storage/${LOCAL_BUCKET}/${path.split('/').map(encodeURIComponent).join('/')}`;
      return {
        data: {
          url,
          token: randomBytes(16).toString('hex'),
          authorization: this.sign('put', path),
          fileId: this.fileIdOf(path),
          cosFileId: randomBytes(12).toString('hex'),
          download_url: url,
        },
      };
    }
    if (action === 'storage.batchGetDownloadUrl') {
      const list = Array.isArray(body.file_list) ? (body.file_list as Array<{ fileid?: unknown; max_age?: unknown }>) : [];
      return {
        data: {
          download_list: list.map((f) => {
            const path = this.pathOf(f.fileid);
            if (!path || !this.objects.meta(path)) return { fileID: f.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
            const maxAge = typeof f.max_age === 'number' && f.max_age > 0 ? f.max_age : DEFAULT_MAX_AGE_S;
            return { fileID: f.fileid, tempFileURL: this.tempUrl(path, maxAge), code: 'SUCCESS' };
          }),
        },
      };
    }
    if (action === 'storage.batchDeleteFile') {
      const list = Array.isArray(body.fileid_list) ? body.fileid_list : [];
      return {
        data: {
          delete_list: list.map((fileID) => {
            const path = this.pathOf(fileID);
            return { fileID, code: path && this.objects.remove(path) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
          }),
        },
      };
    }
    throw new DbError('INVALID_ACTION', `the local cloud does not implement ${JSON.stringify(action)}`);
  }

  /** PUT (the SDK's upload), GET / HEAD (temp URLs) on /_storage/<bucket>/<path>. */
  async serveObject(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const [bucket, ...segments] = url.pathname.slice('/_storage/'.length).split('/');
    let path = '';
    try {
      path = segments.map(decodeURIComponent).join('/');
    } catch {
      path = '';
    }
    const fail = (status: number, code: string, message: string) => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(xmlError(code, message));
    };
    if (bucket !== LOCAL_BUCKET || !isCloudPath(path)) return fail(404, 'NoSuchBucket', 'no such bucket or key');
    if (req.method === 'PUT') {
      if (req.headers.authorization !== this.sign('put', path)) return fail(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided');
      this.objects.write(path, this.fileIdOf(path), await readBytes(req, MAX_UPLOAD), '', this.host.now());
      res.writeHead(200, { 'content-length': 0 });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'MethodNotAllowed', `${req.method} is not allowed`);
    const t = Number(url.searchParams.get('t'));
    if (url.searchParams.get('sign') !== this.sign('get', path, String(t))) return fail(403, 'AccessDenied', 'Access Denied.');
    if (!Number.isFinite(t) || t * 1000 < this.host.now()) return fail(403, 'AccessDenied', 'Request has expired');
    const meta = this.objects.meta(path);
    const bytes = this.objects.read(path);
    if (!meta || !bytes) return fail(404, 'NoSuchKey', 'The specified key does not exist.');
    res.writeHead(200, { 'content-type': meta.contentType, 'content-length': bytes.length, etag: `"${meta.etag}"`, 'cache-control': 'private, max-age=300' });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  /** The mini-program's storage calls (h5 stand-ins), under the storage rules. */
  async client(req: http.IncomingMessage, what: string, url: URL, openid: string): Promise<Reply> {
    const auth = openid ? { openid } : null;
    if (what === 'upload' && req.method === 'POST') {
      const path = url.searchParams.get('cloudPath');
      if (!isCloudPath(path)) return { status: 400, body: { errCode: 'INVALID_PARAM', errMsg: 'cloud.uploadFile:fail cloudPath must be a relative path without ..' } };
      const existing = this.objects.meta(path);
      if (!allows(this.rules, 'write', { auth, resource: { openid: existing ? existing.openid : openid, path } })) {
        return { status: 403, body: { errCode: 'STORAGE_EXCEED_AUTHORITY', errMsg: `cloud.uploadFile:fail no permission to write ${path} (database/storage-rules.json)` } };
      }
      const meta = this.objects.write(path, this.fileIdOf(path), await readBytes(req, MAX_UPLOAD), openid, this.host.now());
      return { status: 200, body: { fileID: meta.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' } };
    }
    if ((what === 'getTempFileURL' || what === 'deleteFile') && req.method === 'POST') {
      let list: unknown[];
      try {
        const parsed = JSON.parse((await readBytes(req, 1024 * 1024)).toString('utf8')) as { fileList?: unknown };
        list = Array.isArray(parsed.fileList) ? parsed.fileList : [];
      } catch {
        return { status: 400, body: { errCode: 'INVALID_PARAM', errMsg: `cloud.${what}:fail body must be JSON {fileList}` } };
      }
      const op = what === 'deleteFile' ? 'write' : 'read';
      const fileList = list.map((item) => {
        const fileID = typeof item === 'object' && item ? (item as { fileID?: unknown }).fileID : item;
        const maxAge = typeof item === 'object' && item ? Number((item as { maxAge?: unknown }).maxAge) || DEFAULT_MAX_AGE_S : DEFAULT_MAX_AGE_S;
        const path = this.pathOf(fileID);
        const meta = path ? this.objects.meta(path) : undefined;
        if (!path || !meta) return { fileID, status: -1, errMsg: 'STORAGE_FILE_NONEXIST' };
        if (!allows(this.rules, op, { auth, resource: { openid: meta.openid, path } })) return { fileID, status: -1, errMsg: 'STORAGE_EXCEED_AUTHORITY' };
        if (op === 'write') {
          this.objects.remove(path);
          return { fileID, status: 0, errMsg: 'ok' };
        }
        return { fileID, tempFileURL: this.tempUrl(path, maxAge), maxAge, status: 0, errMsg: 'ok' };
      });
      return { status: 200, body: { fileList } };
    }
    return { status: 404, body: { errCode: 'INVALID_ACTION', errMsg: `no client storage route ${req.method} ${what}` } };
  }

  /** Writes files as ops or a function would (no uploader openid): the seed's images. */
  putFiles(files: Array<{ path: string; bytes: Buffer }>): void {
    for (const f of files) this.objects.write(f.path, this.fileIdOf(f.path), f.bytes, '', this.host.now());
  }

  /** GET /_emulator/storage: every file, with a temp URL (console). */
  listing(): unknown[] {
    return this.objects.list().map((f) => ({ ...f, tempFileURL: this.tempUrl(f._id, 3600) }));
  }
}
