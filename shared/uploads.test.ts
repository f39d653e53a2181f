import { isOwnUpload, pathOfFileId } from './uploads';

it.each([
  ['cloud://local.6c6f-local/uploads/o_cust_1/aftersale/1.png', 'o_cust_1', true],
  ['cloud://local.6c6f-local/uploads/o_cust_2/aftersale/1.png', 'o_cust_1', false],
  ['cloud://local.6c6f-local/uploads/o_cust_1', 'o_cust_1', false],
  ['cloud://local.6c6f-local/uploads/o_cust_1/../o_cust_2/x.png', 'o_cust_1', false],
  ['cloud://local.6c6f-local/products/p01.svg', 'o_cust_1', false],
  ['https://example.com/uploads/o_cust_1/a.png', 'o_cust_1', false],
  ['cloud://local.6c6f-local/uploads/o_cust_1/aftersale/1.png', '', false],
])('%s is an upload of %s: %s', (fileId, openid, own) => expect(isOwnUpload(fileId, openid)).toBe(own));

it('reads the path of a file id', () => {
  expect(pathOfFileId('cloud://env.bucket/a/b.png')).toBe('a/b.png');
  expect(pathOfFileId('cloud://nope')).toBeUndefined();
});
