/**
 * Where a user's own uploads live in cloud storage, and whose a file id is. The mini-program
 * uploads under `uploads/<openid>/<purpose>/<name>` (database/storage-rules.json lets a signed-in
 * user write only there, only their own files); a function that takes a file id from a caller
 * checks with {@link isOwnUpload} that it is one of theirs before it stores it. Pure.
 */

/** A purpose as a folder name: letters, digits, `_` and `-`, at most 24 (`misc` when nothing is left). */
export function purposeFolder(purpose: string): string {
  return purpose.replace(/[^a-z0-9_-]/gi, '').slice(0, 24) || 'misc';
}

/**
 * The folder of a user's uploads for a purpose.
 * @example uploadFolder('o_cust_1', 'avatar') // 'uploads/o_cust_1/avatar'
 */
export function uploadFolder(openid: string, purpose: string): string {
  return `uploads/${openid}/${purposeFolder(purpose)}`;
}

/**
 * The path inside its bucket of a `cloud://<env>.<bucket>/<path>` file id, or undefined.
 * @example filePathOf('cloud://prod-1.7072-prod-1-1300/uploads/o1/avatar/a.png') // 'uploads/o1/avatar/a.png'
 */
export function filePathOf(fileId: string): string | undefined {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  const path = m?.[1];
  return path && !path.split('/').some((s) => s === '' || s === '.' || s === '..') ? path : undefined;
}

/**
 * True when `fileId` is a file `openid` uploaded for `purpose` (by its path; the caller still
 * checks that it exists).
 * @example isOwnUpload('cloud://env.bucket/uploads/o1/avatar/a.png', 'o1', 'avatar') // true
 */
export function isOwnUpload(fileId: string, openid: string, purpose: string): boolean {
  const path = filePathOf(fileId);
  return !!openid && !!path && path.startsWith(`${uploadFolder(openid, purpose)}/`) && path.length > uploadFolder(openid, purpose).length + 1;
}
