import { filePathOf, isOwnUpload, purposeFolder, uploadFolder } from './uploads';

describe('uploads', () => {
  it.each([
    ['cloud://local.6c6f-local-1300000000/uploads/o_sales_li/avatar/1.png', 'o_sales_li', 'avatar', true],
    ['cloud://prod-1.7072-prod-1-1300/uploads/o_sales_li/avatar/x/y.jpg', 'o_sales_li', 'avatar', true],
    ['cloud://local.b/uploads/o_sales_wang/avatar/1.png', 'o_sales_li', 'avatar', false], // someone else's
    ['cloud://local.b/uploads/o_sales_li/aftersale/1.png', 'o_sales_li', 'avatar', false], // another purpose
    ['cloud://local.b/uploads/o_sales_li/avatar/', 'o_sales_li', 'avatar', false], // a folder
    ['cloud://local.b/uploads/o_sales_li/avatar/../../o_x/avatar/1.png', 'o_sales_li', 'avatar', false],
    ['cloud://local.b/avatars/li.svg', 'o_sales_li', 'avatar', false], // not an upload
    ['https://example.com/uploads/o_sales_li/avatar/1.png', 'o_sales_li', 'avatar', false],
    ['cloud://local.b/uploads//avatar/1.png', '', 'avatar', false],
  ])('%s is an upload of %s for %s: %s', (fileId, openid, purpose, own) => {
    expect(isOwnUpload(fileId, openid, purpose)).toBe(own);
  });

  it('paths and folders', () => {
    expect(filePathOf('cloud://local.b/uploads/o1/a.png')).toBe('uploads/o1/a.png');
    expect(filePathOf('cloud://local.b')).toBeUndefined();
    expect(uploadFolder('o1', 'after sale!')).toBe('uploads/o1/aftersale');
    expect(purposeFolder('###')).toBe('misc');
  });
});
