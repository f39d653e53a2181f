/**
 * Cloud storage through the SDK: upload, temporary URLs, download, delete. File ids are
 * `cloud://<env>.<bucket>/<path>`; temporary URLs expire (maxAge seconds).
 */
import { getApp } from './sdk';

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
