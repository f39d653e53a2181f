/**
 * The _platform adapters for WeChat's side against the local cloud (real SDK): the poster's
 * wxacode, subscribe messages, storage helpers; and the raw-reply reader's tolerance.
 */
import { useWeChatTestCloud } from '../../emulator/wechat/testing';
import { decodeQrPng } from '../../emulator/wechat/qr-decode';
import { SHARE_LANDING_PAGE } from '../../shared/growth';
import { renderShareCode } from '../share/qr-port';
import { sendSubscribeMessage } from './messaging';
import { deleteFiles, downloadFile, getTempFileUrls, uploadFile } from './storage';
import { parseRawReply, readImageReply, WxApiError } from './wechat';

const w = useWeChatTestCloud();

it("the poster's wxacode adapter renders the share's code: a PNG decoding to the landing page with the share id as scene", async () => {
  const { png, encoded } = await renderShareCode('aZ3kP9qW');
  expect(encoded).toBe(`${SHARE_LANDING_PAGE}?scene=aZ3kP9qW`);
  expect(decodeQrPng(png)).toBe(`https://local.linkshelf/${SHARE_LANDING_PAGE}?scene=aZ3kP9qW`);
  await expect(renderShareCode('x'.repeat(33))).rejects.toMatchObject({ errcode: 40169 });
});

it('sendSubscribeMessage: sent with a msgid, or refused as a value with WeChat’s errcode (never thrown)', async () => {
  const msg = { touser: 'o_cust_1', templateId: 'tmpl_refund_done', page: 'pages/orders/index', data: { character_string1: 'LS001', amount2: '¥33.00', thing3: '拼团未成团' } };
  expect(await sendSubscribeMessage(msg)).toMatchObject({ sent: false, errcode: 43101 });
  await fetch(`${w.cloud.url}/client/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'o_cust_1' }, body: JSON.stringify({ tmplIds: ['tmpl_refund_done'] }) });
  expect(await sendSubscribeMessage(msg)).toEqual({ sent: true, msgid: expect.any(Number) });
  expect(await sendSubscribeMessage({ ...msg, data: { ...msg.data, thing3: '这是一段超过二十个字的退款原因说明文字会被拒绝' } })).toMatchObject({ sent: false, errcode: 47003 });
  expect((await w.cloud.control<unknown[]>('outbox')).body).toHaveLength(1);
});

it('storage helpers: upload, temp URL, download, delete', async () => {
  const fileID = await uploadFile('materials/brochure.txt', Buffer.from('手册'));
  const urls = await getTempFileUrls([fileID, 'cloud://local.6c6f-local-1300000000/none.txt']);
  expect([...urls.keys()]).toEqual([fileID]);
  expect((await downloadFile(fileID)).toString('utf8')).toBe('手册');
  expect(await deleteFiles([fileID, fileID])).toEqual({ deleted: [fileID], missing: [fileID] });
});

describe('reading raw replies', () => {
  it('parses a Buffer of JSON and camelCases snake_case keys', () => {
    expect(parseRawReply('x', Buffer.from('{"return_code":"SUCCESS","refund_status_list":["SUCCESS"]}'))).toEqual({ returnCode: 'SUCCESS', refundStatusList: ['SUCCESS'] });
    expect(() => parseRawReply('x', Buffer.from('<xml/>'))).toThrow(/not JSON/);
  });

  it('reads an image from a Buffer, base64 or {buffer}; WeChat errors become WxApiError', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]);
    expect(readImageReply('a', png).contentType).toBe('image/png');
    expect(readImageReply('a', png.toString('base64')).bytes.equals(png)).toBe(true);
    expect(readImageReply('a', { buffer: png }).bytes.equals(png)).toBe(true);
    expect(() => readImageReply('a', { errcode: 41030, errmsg: 'invalid page' })).toThrow(WxApiError);
    expect(() => readImageReply('a', 'bm90IGFuIGltYWdl')).toThrow(/not an image/);
  });
});
