/**
 * A salesperson's avatar: uploaded by the app into their own `uploads/<openid>/avatar/` folder
 * (the mini-program's client upload, under database/storage-rules.json), set with sales.setAvatar,
 * shown on their shelf card as a temporary URL.
 */
import { useTestCloud } from '../../emulator/testing';
import { doc } from '../../tests/support/commerce';

const t = useTestCloud();

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** The mini-program's upload as `openid` (the h5 stand-in of wx.cloud.uploadFile); its file id. */
async function upload(openid: string, cloudPath: string): Promise<{ status: number; fileID?: string }> {
  const res = await fetch(`${t.cloud.url}/client/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers: { 'x-wx-openid': openid }, body: PNG });
  return { status: res.status, ...((await res.json()) as { fileID?: string }) };
}

type Avatar = { avatarFileId: string | null; avatarUrl: string | null; previousFileId: string | null };
type Shelf = { sales: { avatarUrl: string } };

it("sets the caller's own upload as their avatar: the shelf card shows it; a replaced upload of theirs is named for deletion, a seeded picture never", async () => {
  const { fileID } = await upload('o_sales_li', 'uploads/o_sales_li/avatar/1.png');
  const set = await t.cloud.ok<Avatar>('sales', { action: 'setAvatar', fileId: fileID }, 'o_sales_li');
  expect(set).toEqual({ avatarFileId: fileID, avatarUrl: expect.stringContaining('/uploads/o_sales_li/avatar/1.png?sign='), previousFileId: null });
  expect(await doc(t.cloud, 'users', 'o_sales_li')).toMatchObject({ avatarFileId: fileID });
  const shelf = await t.cloud.ok<Shelf>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
  expect(shelf.sales.avatarUrl).toContain('/uploads/o_sales_li/avatar/1.png?sign=');
  expect(Buffer.from(await (await fetch(shelf.sales.avatarUrl)).arrayBuffer()).equals(PNG)).toBe(true);

  // Removed: the card shows no picture; the upload it replaced is named for the app to delete.
  expect(await t.cloud.ok<Avatar>('sales', { action: 'setAvatar', fileId: null }, 'o_sales_li')).toEqual({ avatarFileId: null, avatarUrl: null, previousFileId: fileID });
  expect((await t.cloud.ok<Shelf>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1')).sales.avatarUrl).toBe('');
});

it("refuses someone else's upload, another purpose's, a brand asset and a missing file — and writes nothing", async () => {
  const before = await doc(t.cloud, 'users', 'o_sales_li');
  const theirs = (await upload('o_sales_wang', 'uploads/o_sales_wang/avatar/1.png')).fileID!;
  const mine = (await upload('o_sales_li', 'uploads/o_sales_li/aftersale/1.png')).fileID!;
  const cases: Array<[string, string]> = [
    [theirs, 'PERMISSION_DENIED'],
    [mine, 'PERMISSION_DENIED'],
    [String(before?.avatarFileId), 'PERMISSION_DENIED'],
    [theirs.replace('o_sales_wang/avatar/1.png', 'o_sales_li/avatar/none.png'), 'NOT_FOUND'],
  ];
  for (const [fileId, code] of cases) {
    const r = await t.cloud.call('sales', { action: 'setAvatar', fileId }, 'o_sales_li');
    expect([fileId, r.ok === false && r.error.code]).toEqual([fileId, code]);
  }
  expect(await doc(t.cloud, 'users', 'o_sales_li')).toEqual(before);
});
