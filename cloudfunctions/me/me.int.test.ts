/**
 * me: a customer's nickname and avatar (their own upload), through the real SDK and the local
 * cloud's storage; stored on users/{openid} as `nickname` and `avatarFileId`.
 */
import { useTestCloud, type TestCloud } from '../../emulator/testing';
import type { Reply } from '../../shared/contract';

const t = useTestCloud();
type Profile = Reply<'me', 'profile'>;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a80000000049454e44ae426082', 'hex');

/** Uploads as the mini-program does (client storage, caller from x-wx-openid); returns the file id. */
async function upload(cloud: TestCloud, who: string, path: string): Promise<string> {
  const res = await fetch(`${cloud.url}/client/storage/upload?cloudPath=${encodeURIComponent(path)}`, { method: 'POST', headers: { 'x-wx-openid': who, 'content-type': 'image/png' }, body: PNG });
  const body = (await res.json()) as { fileID?: string };
  if (!body.fileID) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.fileID;
}

async function user(cloud: TestCloud, openid: string): Promise<Record<string, unknown>> {
  return ((await cloud.db.collection('users').doc(openid).get()).data as Array<Record<string, unknown>>)[0];
}

it('a seeded customer has no nickname yet: the avatar on file (the seed image in storage) is shown, the profile is not complete', async () => {
  const profile = await t.cloud.ok<Profile>('me', { action: 'profile' }, 'o_cust_1');
  expect(profile).toEqual({
    openid: 'o_cust_1',
    role: 'customer',
    nickname: null,
    avatarFileId: 'cloud://local.6c6f-local-1300000000/avatars/c1.svg',
    avatarUrl: expect.stringContaining('/_storage/'),
    complete: false,
  });
  expect((await fetch(profile.avatarUrl!)).status).toBe(200);
});

it('saves the nickname (trimmed) and the avatar the customer uploaded; the profile shows them, the avatar through a temporary URL', async () => {
  const fileId = await upload(t.cloud, 'o_cust_2', 'uploads/o_cust_2/avatar/1.png');
  const saved = await t.cloud.ok<Profile>('me', { action: 'saveProfile', nickname: '  阿杰😀 ', avatarFileId: fileId }, 'o_cust_2');
  expect(saved).toMatchObject({ nickname: '阿杰😀', avatarFileId: fileId, complete: true, avatarUrl: expect.stringContaining('/_storage/') });
  expect(await user(t.cloud, 'o_cust_2')).toMatchObject({ nickname: '阿杰😀', avatarFileId: fileId, role: 'customer', name: '阿杰' });
  const shown = await t.cloud.ok<Profile>('me', { action: 'profile' }, 'o_cust_2');
  expect(shown).toMatchObject({ nickname: '阿杰😀', avatarFileId: fileId, complete: true });
  expect((await fetch(shown.avatarUrl!)).status).toBe(200);
});

it('a first-time visitor is registered and can save a nickname alone; a new avatar replaces (and deletes) the old upload', async () => {
  expect(await t.cloud.ok<Profile>('me', { action: 'saveProfile', nickname: '新朋友' }, 'o_new_friend')).toMatchObject({ nickname: '新朋友', avatarFileId: null, complete: false });
  const first = await upload(t.cloud, 'o_new_friend', 'uploads/o_new_friend/avatar/a.png');
  await t.cloud.ok('me', { action: 'saveProfile', nickname: '新朋友', avatarFileId: first }, 'o_new_friend');
  const second = await upload(t.cloud, 'o_new_friend', 'uploads/o_new_friend/avatar/b.png');
  await t.cloud.ok('me', { action: 'saveProfile', nickname: '新朋友', avatarFileId: second }, 'o_new_friend');
  // Keeping the avatar (nickname only) keeps the file.
  await t.cloud.ok('me', { action: 'saveProfile', nickname: '老朋友' }, 'o_new_friend');
  expect(await user(t.cloud, 'o_new_friend')).toMatchObject({ role: 'customer', nickname: '老朋友', avatarFileId: second });
  // Of the uploads (the seed's images live outside uploads/), only the current avatar is left.
  const files = (await (await fetch(`${t.cloud.url}/_emulator/storage`)).json()) as Array<{ fileID: string }>;
  expect(files.map((f) => f.fileID).filter((id) => id.includes('/uploads/'))).toEqual([second]);
});

it.each<[string, () => Promise<string>, string]>([
  ["someone else's upload", () => upload(t.cloud, 'o_cust_3', 'uploads/o_cust_3/avatar/x.png'), 'PERMISSION_DENIED'],
  ['an own upload made for something else (an after-sale photo)', () => upload(t.cloud, 'o_cust_1', 'uploads/o_cust_1/aftersale/x.png'), 'PERMISSION_DENIED'],
  ['an upload that does not exist', async () => 'cloud://local.6c6f-local-1300000000/uploads/o_cust_1/avatar/none.png', 'NOT_FOUND'],
  ['a file outside uploads/', async () => 'cloud://local.6c6f-local-1300000000/products/p01.png', 'INVALID_ARGUMENT'],
])('refuses %s as the avatar, changing nothing', async (_title, fileId, code) => {
  const id = await fileId();
  const before = await user(t.cloud, 'o_cust_1');
  expect(await t.cloud.call('me', { action: 'saveProfile', nickname: '小美', avatarFileId: id }, 'o_cust_1')).toMatchObject({ ok: false, error: { code } });
  expect(await user(t.cloud, 'o_cust_1')).toEqual(before);
});

it.each([
  ['21 characters', 'a'.repeat(21)],
  ['only spaces', '   '],
  ['a control character', '小\u0007美'],
])('refuses a nickname of %s (INVALID_ARGUMENT), changing nothing', async (_title, nickname) => {
  const before = await user(t.cloud, 'o_cust_1');
  expect(await t.cloud.call('me', { action: 'saveProfile', nickname }, 'o_cust_1')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  expect(await user(t.cloud, 'o_cust_1')).toEqual(before);
});

it('profile costs 1 round trip (the caller) and saveProfile 2 (the caller, one update)', async () => {
  t.cloud.resetStats();
  await t.cloud.ok('me', { action: 'profile' }, 'o_cust_1');
  await t.cloud.ok('me', { action: 'saveProfile', nickname: '小美' }, 'o_cust_1');
  const stats = t.cloud.stats().byAction;
  expect([stats['me.profile'].maxOps, stats['me.saveProfile'].maxOps]).toEqual([1, 2]);
});
