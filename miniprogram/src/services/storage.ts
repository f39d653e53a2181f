import Taro from '@tarojs/taro';
import { uploadFolder } from '../../../shared/uploads';
import { CloudError, transportErrorCode } from './errors';
import { initCloud } from './cloud';

// The h5 persona is the h5 build's stand-in for WeChat's identity; the weapp build never bundles it.
const currentOpenid: () => string =
  process.env.TARO_ENV === 'h5' ? require('./persona').currentOpenid : () => '';

/** A file the user uploaded: its `cloud://` id (stored in documents) and a URL to show it now. */
export interface UploadedFile {
  fileId: string;
  url: string;
}

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * Where a user's uploads go: `uploads/<openid>/<purpose>/<time>-<random>.<ext>` (shared/uploads.ts,
 * which functions use to check a file id is in the caller's own folder). The storage rules
 * (database/storage-rules.json) let a user write only under `uploads/`, never over someone else's
 * file; they cannot tie a folder to its owner (CloudBase's rules have no per-user path test).
 */
function cloudPathFor(owner: string, purpose: string, ext: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${uploadFolder(owner, purpose)}/${Date.now()}-${random}.${ext}`;
}

function extOf(path: string): string {
  const m = /\.([a-z0-9]{2,5})(?:$|\?)/i.exec(path);
  return m ? m[1].toLowerCase() : 'jpg';
}

/** The file extension of an image MIME type: `image/jpeg` → jpg, `image/svg+xml` → svg, unknown → jpg. */
export function extOfType(type: string | undefined): string {
  const sub = (type ?? '').split('/')[1]?.split('+')[0]?.toLowerCase() ?? '';
  if (sub === 'jpeg') return 'jpg';
  return /^[a-z0-9]{2,5}$/.test(sub) ? sub : 'jpg';
}

/** h5: POST the bytes to the local cloud's stand-in of wx.cloud.uploadFile (caller = the persona). */
async function uploadH5(cloudPath: string, tempFilePath: string): Promise<string> {
  const blob = await (await fetch(tempFilePath)).blob();
  if (blob.size > MAX_IMAGE_BYTES) throw new CloudError('INVALID_ARGUMENT', 'image is larger than 5 MB');
  const res = await fetch(`/client/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'x-wx-openid': currentOpenid(), 'content-type': blob.type || 'application/octet-stream' },
    body: blob,
  });
  const body = (await res.json().catch(() => ({}))) as { fileID?: string; errCode?: string; errMsg?: string };
  if (!res.ok || !body.fileID) throw new CloudError(res.status === 403 ? 'PERMISSION_DENIED' : 'INTERNAL', body.errMsg || `upload failed (HTTP ${res.status})`);
  return body.fileID;
}

async function uploadWeapp(cloudPath: string, tempFilePath: string): Promise<string> {
  initCloud();
  try {
    const r = await Taro.cloud.uploadFile({ cloudPath, filePath: tempFilePath });
    return r.fileID;
  } catch (e) {
    throw new CloudError(transportErrorCode(e), String((e as Error)?.message || e));
  }
}

/** Temporary URLs for `cloud://` file ids (one call for all); ids that fail map to ''. */
export async function tempUrls(fileIds: string[]): Promise<Record<string, string>> {
  const ids = [...new Set(fileIds.filter((id) => id.startsWith('cloud://')))];
  if (ids.length === 0) return {};
  let list: Array<{ fileID: string; tempFileURL?: string; status?: number }>;
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch('/client/storage/getTempFileURL', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': currentOpenid() },
      body: JSON.stringify({ fileList: ids }),
    });
    list = ((await res.json().catch(() => ({}))) as { fileList?: typeof list }).fileList ?? [];
  } else {
    initCloud();
    list = (await Taro.cloud.getTempFileURL({ fileList: ids })).fileList as typeof list;
  }
  return Object.fromEntries(list.map((f) => [f.fileID, f.status === 0 && f.tempFileURL ? f.tempFileURL : '']));
}

/**
 * Lets the user pick one image (camera or album) and uploads it to cloud storage under their own
 * `uploads/<owner>/<purpose>/` folder. Resolves to the file id to save in a document and a URL to
 * show it now; rejects with CloudError (`CANCELLED` when the user closed the picker).
 * `owner` is the user's openid: the h5 persona by default; the weapp build does not know it on its
 * own (WeChat gives it to functions only), so a weapp caller passes it from a function's reply
 * (e.g. `sales.ledger`'s `salesId`) — without it the upload is refused (UNAUTHENTICATED) rather
 * than written where no function would accept it.
 * @example const { fileId, url } = await chooseAndUploadImage('avatar', salesId)
 */
export async function chooseAndUploadImage(purpose: string, owner: string = currentOpenid()): Promise<UploadedFile> {
  if (!owner) throw new CloudError('UNAUTHENTICATED', 'the uploader’s openid is unknown: pass it from a function reply');
  let picked: Taro.chooseImage.SuccessCallbackResult;
  try {
    picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    throw new CloudError('CANCELLED', 'no image chosen');
  }
  const file = picked.tempFiles?.[0];
  const tempFilePath = file?.path ?? picked.tempFilePaths?.[0];
  if (!tempFilePath) throw new CloudError('CANCELLED', 'no image chosen');
  if (file?.size && file.size > MAX_IMAGE_BYTES) throw new CloudError('INVALID_ARGUMENT', 'image is larger than 5 MB');
  // h5 temp paths are blob: URLs without an extension; the picked file's type names it.
  const ext = process.env.TARO_ENV === 'h5' ? extOfType(file?.type) : extOf(tempFilePath);
  return uploadTemp(owner, purpose, tempFilePath, ext);
}

async function uploadTemp(owner: string, purpose: string, tempFilePath: string, ext: string): Promise<UploadedFile> {
  const cloudPath = cloudPathFor(owner, purpose, ext);
  const fileId = process.env.TARO_ENV === 'h5' ? await uploadH5(cloudPath, tempFilePath) : await uploadWeapp(cloudPath, tempFilePath);
  const url = (await tempUrls([fileId]))[fileId] || tempFilePath;
  return { fileId, url };
}

/**
 * Uploads an image WeChat already gave the page as a temporary file (the avatar from `<Button
 * openType="chooseAvatar">`) to the user's own `uploads/<owner>/<purpose>/` folder; `owner` as
 * for {@link chooseAndUploadImage} (weapp: `me.profile`'s `openid`).
 */
export async function uploadImageFile(purpose: string, tempFilePath: string, owner: string = currentOpenid()): Promise<UploadedFile> {
  if (!owner) throw new CloudError('UNAUTHENTICATED', 'the uploader’s openid is unknown: pass it from a function reply');
  return uploadTemp(owner, purpose, tempFilePath, extOf(tempFilePath));
}

/**
 * Deletes a file the user uploaded (their own, per the storage rules); rejects with CloudError
 * (PERMISSION_DENIED: not theirs; NOT_FOUND: no such file) — in both builds, from the file's status.
 */
export async function deleteUpload(fileId: string): Promise<void> {
  let one: { status?: number; errMsg?: string } | undefined;
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch('/client/storage/deleteFile', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': currentOpenid() },
      body: JSON.stringify({ fileList: [fileId] }),
    });
    one = ((await res.json().catch(() => ({}))) as { fileList?: Array<{ status?: number; errMsg?: string }> }).fileList?.[0];
  } else {
    initCloud();
    one = (await Taro.cloud.deleteFile({ fileList: [fileId] })).fileList?.[0] as { status?: number; errMsg?: string } | undefined;
  }
  if (!one || one.status !== 0) throw new CloudError(one?.errMsg?.includes('STORAGE_EXCEED_AUTHORITY') ? 'PERMISSION_DENIED' : 'NOT_FOUND', one?.errMsg || 'delete failed');
}
