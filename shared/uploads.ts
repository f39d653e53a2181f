/**
 * Files the app uploads for a user: `uploads/<openid>/<purpose>/<file>` in cloud storage (the
 * app's services/storage.ts writes there; the storage rules let a user write only their own
 * files). A function that takes file ids from a user checks they are that user's uploads.
 */

/**
 * The path inside the bucket of a file id `cloud://<env>.<bucket>/<path>`, or undefined.
 * @example pathOfFileId('cloud://local.bucket/uploads/o_cust_1/aftersale/a.png') // 'uploads/o_cust_1/aftersale/a.png'
 */
export function pathOfFileId(fileId: string): string | undefined {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  return m ? m[1] : undefined;
}

/**
 * True when `fileId` is one of `openid`'s uploads (under `uploads/<openid>/`, no `..`).
 * @example isOwnUpload('cloud://local.bucket/uploads/o_cust_1/aftersale/a.png', 'o_cust_1') // true
 */
export function isOwnUpload(fileId: string, openid: string): boolean {
  const path = pathOfFileId(fileId);
  return !!path && !!openid && path.startsWith(`uploads/${openid}/`) && !path.split('/').includes('..');
}
