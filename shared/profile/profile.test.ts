import { isProfileComplete, nicknameField, uploadFileIdField } from './profile';

describe('nickname', () => {
  it.each([
    ['  小美 ', '小美'],
    ['😀'.repeat(20), '😀'.repeat(20)],
    ['a'.repeat(20), 'a'.repeat(20)],
  ])('accepts %j as %j', (input, stored) => {
    expect(nicknameField.parse(input)).toBe(stored);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['21 characters', 'a'.repeat(21)],
    ['21 emoji', '😀'.repeat(21)],
    ['a control character', '小\u0000美'],
    ['a newline', '小\n美'],
  ])('refuses %s', (_title, input) => {
    expect(nicknameField.safeParse(input).success).toBe(false);
  });
});

describe('an uploaded file id', () => {
  it.each([
    ['an upload', 'cloud://local.b/uploads/o_cust_1/avatar/a.png', true],
    ['outside uploads/', 'cloud://local.b/materials/a.png', false],
    ['a .. segment', 'cloud://local.b/uploads/o_cust_1/../o_cust_2/a.png', false],
    ['a URL', 'https://x/uploads/o_cust_1/a.png', false],
  ])('the field accepts %s: %s', (_title, id, ok) => {
    expect(uploadFileIdField.safeParse(id).success).toBe(ok);
  });

  it('a profile is complete with both a nickname and an avatar', () => {
    expect(isProfileComplete({ nickname: '小美', avatarFileId: 'cloud://x/uploads/o/a.png' })).toBe(true);
    expect(isProfileComplete({ nickname: '小美' })).toBe(false);
    expect(isProfileComplete({})).toBe(false);
  });
});
