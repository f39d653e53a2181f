import { filePathOf, isOwnUpload, purposeFolder, uploadFolder } from './uploads';
import { isOwnImage } from './card/card';
import { uploadFileIdField } from './profile/profile';

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

/**
 * The other checks of a file id a caller hands in, on one list of ids: may it be on o_sales_li's
 * card (`isOwnImage`: an app asset, or o_sales_li's own upload), and does the profile's avatar
 * field take it (`uploadFileIdField`: anyone's upload, no `.` or `..` in the path)?
 */
describe('a file id, by every check that takes one', () => {
  it.each<[string, string, { onCard: boolean; avatarField: boolean }]>([
    ['an app asset', '/assets/avatars/li.svg', { onCard: true, avatarField: false }],
    ["the card owner's own upload", 'cloud://local.linkshelf-local/uploads/o_sales_li/card/1.png', { onCard: true, avatarField: true }],
    ["another user's upload", 'cloud://local.linkshelf-local/uploads/o_sales_wang/card/1.png', { onCard: false, avatarField: true }],
    ['a customer upload', 'cloud://local.b/uploads/o_cust_1/avatar/a.png', { onCard: false, avatarField: true }],
    ['a prefix trick', 'cloud://local.linkshelf-local/uploads/o_sales_li2/card/1.png', { onCard: false, avatarField: true }],
    ['a path escape', 'cloud://local.linkshelf-local/uploads/o_sales_li/../o_sales_wang/x.png', { onCard: false, avatarField: false }],
    ['a .. segment', 'cloud://local.b/uploads/o_cust_1/../o_cust_2/a.png', { onCard: false, avatarField: false }],
    ['a file outside uploads', 'cloud://local.linkshelf-local/products/p01.png', { onCard: false, avatarField: false }],
    ['outside uploads/', 'cloud://local.b/materials/a.png', { onCard: false, avatarField: false }],
    ['a URL', 'https://x/uploads/o_cust_1/a.png', { onCard: false, avatarField: false }],
  ])('%s (%s)', (_title, id, verdicts) => {
    expect({ onCard: isOwnImage(id, 'o_sales_li'), avatarField: uploadFileIdField.safeParse(id).success }).toEqual(verdicts);
  });
});
