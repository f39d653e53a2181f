/**
 * Cloud storage through the SDK: upload, temporary URLs, download, delete. File ids are
 * `cloud://<env>.<bucket>/<path>`; temporary URLs expire (maxAge seconds). Documents store file
 * ids; replies meant for display carry temporary URLs (`withFileUrls`).
 */
import { getApp } from './sdk';

/** How long the temporary URLs of a reply stay valid: long enough for a page left open. */
export const TEMP_URL_MAX_AGE_S = 2 * 3600;

const FILE_ID = /^cloud:\/\//;

/** Uploads bytes to `cloudPath` (relative, e.g. `products/p01/main.png`); returns the fileID. */
export async function uploadFile(cloudPath: string, bytes: Buffer): Promise<string> {
  const { fileID } = await getApp().uploadFile({ cloudPath, fileContent: bytes });
  return fileID;
}

/** Temporary URLs by fileID; a file that does not exist is left out of the map. */
export async function getTempFileUrls(fileIDs: string[], maxAgeS = 3600): Promise<Map<string, string>> {
  if (fileIDs.length === 0) return new Map();
  const { fileList } = await getApp().getTempFileURL({ fileList: fileIDs.map((fileID) => ({ fileID, maxAge: maxAgeS })) });
  return new Map(fileList.filter((f) => f.code === 'SUCCESS').map((f) => [f.fileID, f.tempFileURL]));
}

/** Every `cloud://` file id in a value (deep: objects and arrays), once each. */
function fileIdsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (FILE_ID.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) fileIdsIn(v, into);
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const v of Object.values(value)) fileIdsIn(v, into);
  }
  return into;
}

function replaceFileIds(value: unknown, urls: Map<string, string>): unknown {
  if (typeof value === 'string') return FILE_ID.test(value) ? (urls.get(value) ?? '') : value;
  // A list (e.g. a product's images) leaves out a file that is gone rather than show it broken.
  if (Array.isArray(value)) return value.filter((v) => typeof v !== 'string' || !FILE_ID.test(v) || urls.has(v)).map((v) => replaceFileIds(v, urls));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceFileIds(v, urls)]));
  }
  return value;
}

/**
 * A reply for display with every `cloud://` file id in it replaced by a temporary URL — all of them
 * in ONE getTempFileURL call (none when it names no file). A file that no longer exists becomes ''
 * (left out of a list).
 * Round trips: no database; 1 storage call when the reply names a file.
 * @example await withFileUrls({ avatarUrl: 'cloud://env.bucket/avatars/li.svg' }) // { avatarUrl: 'https://…?sign=…' }
 */
export async function withFileUrls<T>(data: T, maxAgeS = TEMP_URL_MAX_AGE_S): Promise<T> {
  const ids = [...fileIdsIn(data)];
  if (ids.length === 0) return data;
  return replaceFileIds(data, await getTempFileUrls(ids, maxAgeS)) as T;
}

/** The bytes of a file (through a temporary URL, as the SDK does). */
export async function downloadFile(fileID: string): Promise<Buffer> {
  const { fileContent } = await getApp().downloadFile({ fileID });
  return Buffer.isBuffer(fileContent) ? fileContent : Buffer.from(String(fileContent ?? ''));
}

/** Deletes files; returns which were deleted and which did not exist. */
export async function deleteFiles(fileIDs: string[]): Promise<{ deleted: string[]; missing: string[] }> {
  if (fileIDs.length === 0) return { deleted: [], missing: [] };
  const { fileList } = await getApp().deleteFile({ fileList: fileIDs });
  return {
    deleted: fileList.filter((f) => f.code === 'SUCCESS').map((f) => f.fileID),
    missing: fileList.filter((f) => f.code !== 'SUCCESS').map((f) => f.fileID),
  };
}
