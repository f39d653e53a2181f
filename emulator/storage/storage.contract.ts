/**
 * Cloud storage on the local cloud through the real SDK (uploadFile → getUploadMetadata + PUT,
 * getTempFileURL, downloadFile, deleteFile), temp URLs served and expiring on the local clock, and
 * client-side access (the mini-program's stand-ins) under database/storage-rules.json.
 */
import { useWeChatTestCloud } from '../wechat/testing';
import { LOCAL_BUCKET } from '.';

const w = useWeChatTestCloud();

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really an image, but bytes')]);

describe('the SDK: upload → temp URL → GET bytes → delete → gone', () => {
  it('round-trips bytes and forgets a deleted file', async () => {
    const { fileID } = await w.cloud.app.uploadFile({ cloudPath: 'products/p01/main.png', fileContent: PNG });
    expect(fileID).toBe(`cloud://local.${LOCAL_BUCKET}/products/p01/main.png`);

    const urls = await w.cloud.app.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] });
    expect(urls.fileList).toEqual([{ fileID, tempFileURL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/_storage\//), code: 'SUCCESS' }]);
    const res = await fetch(urls.fileList[0].tempFileURL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect(((await w.cloud.app.downloadFile({ fileID })).fileContent as Buffer).equals(PNG)).toBe(true);

    expect((await w.cloud.app.deleteFile({ fileList: [fileID] })).fileList).toEqual([{ fileID, code: 'SUCCESS' }]);
    expect((await w.cloud.app.getTempFileURL({ fileList: [fileID] })).fileList).toEqual([{ fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }]);
    expect((await fetch(urls.fileList[0].tempFileURL)).status).toBe(404);
    expect((await w.cloud.app.deleteFile({ fileList: [fileID] })).fileList).toEqual([{ fileID, code: 'STORAGE_FILE_NONEXIST' }]);
  });

  it('keeps non-ASCII paths intact (the SDK encodes temp URLs with encodeURI)', async () => {
    const { fileID } = await w.cloud.app.uploadFile({ cloudPath: 'materials/品牌手册 2026.pdf', fileContent: Buffer.from('%PDF-1.4 手册') });
    expect(((await w.cloud.app.downloadFile({ fileID })).fileContent as Buffer).toString('utf8')).toBe('%PDF-1.4 手册');
  });

  it('a temp URL expires on the local clock; a tampered one is refused', async () => {
    const { fileID } = await w.cloud.app.uploadFile({ cloudPath: 'products/p02/main.png', fileContent: PNG });
    const url = (await w.cloud.app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })).fileList[0].tempFileURL;
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url.replace('p02', 'p01'))).status).toBe(403);
    w.cloud.advanceClock(61_000);
    expect((await fetch(url)).status).toBe(403);
  });

  it('refuses an upload path with .. or a leading slash', async () => {
    await expect(w.cloud.app.uploadFile({ cloudPath: '../etc/passwd', fileContent: PNG })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(w.cloud.app.uploadFile({ cloudPath: '/abs.png', fileContent: PNG })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });
});

describe('client access (wx.cloud.uploadFile / getTempFileURL / deleteFile) under the storage rules', () => {
  const upload = (cloudPath: string, openid?: string) =>
    fetch(`${w.cloud.url}/client/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers: openid ? { 'x-wx-openid': openid } : {}, body: PNG });
  const post = async (what: string, fileList: unknown[], openid?: string) => {
    const res = await fetch(`${w.cloud.url}/client/storage/${what}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) }, body: JSON.stringify({ fileList }) });
    return (await res.json()) as { fileList: Array<Record<string, unknown>> };
  };

  it('lets a signed-in user upload under uploads/, read it back and delete it', async () => {
    const res = await upload('uploads/o_cust_1/aftersale-1.png', 'o_cust_1');
    expect(res.status).toBe(200);
    const { fileID } = (await res.json()) as { fileID: string };
    expect(fileID).toBe(`cloud://local.${LOCAL_BUCKET}/uploads/o_cust_1/aftersale-1.png`);
    const [url] = (await post('getTempFileURL', [fileID], 'o_cust_1')).fileList;
    expect(url).toMatchObject({ fileID, status: 0 });
    expect(Buffer.from(await (await fetch(String(url.tempFileURL))).arrayBuffer()).equals(PNG)).toBe(true);
    expect((await post('deleteFile', [fileID], 'o_cust_1')).fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);
    expect((await w.cloud.control<unknown[]>('storage')).body).toEqual([]);
  });

  it('refuses uploads outside uploads/, uploads without a caller, and other users overwriting or deleting', async () => {
    expect((await upload('products/p01/main.png', 'o_cust_1')).status).toBe(403);
    expect((await upload('uploads/anon.png')).status).toBe(403);
    const { fileID } = (await (await upload('uploads/o_cust_1/a.png', 'o_cust_1')).json()) as { fileID: string };
    expect((await upload('uploads/o_cust_1/a.png', 'o_cust_2')).status).toBe(403);
    expect((await post('deleteFile', [fileID], 'o_cust_2')).fileList).toEqual([{ fileID, status: -1, errMsg: 'STORAGE_EXCEED_AUTHORITY' }]);
    expect((await post('getTempFileURL', [fileID])).fileList).toEqual([{ fileID, status: -1, errMsg: 'STORAGE_EXCEED_AUTHORITY' }]);
    expect((await post('getTempFileURL', [fileID], 'o_cust_2')).fileList[0]).toMatchObject({ status: 0 });
    const files = (await w.cloud.control<Array<{ _id: string; openid: string }>>('storage')).body;
    expect(files.map((f) => [f._id, f.openid])).toEqual([['uploads/o_cust_1/a.png', 'o_cust_1']]);
  });

  it('functions (the SDK) write anywhere; their files belong to no user, so no user can delete them', async () => {
    const { fileID } = await w.cloud.app.uploadFile({ cloudPath: 'uploads/system.png', fileContent: PNG });
    expect((await post('deleteFile', [fileID], 'o_cust_1')).fileList[0]).toMatchObject({ status: -1 });
  });
});
