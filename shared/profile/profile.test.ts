import { isProfileComplete, nicknameField } from './profile';

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

// Which file ids the avatar field takes (uploadFileIdField): shared/uploads.test.ts, with every other check of a file id.
describe('a profile', () => {
  it('a profile is complete with both a nickname and an avatar', () => {
    expect(isProfileComplete({ nickname: '小美', avatarFileId: 'cloud://x/uploads/o/a.png' })).toBe(true);
    expect(isProfileComplete({ nickname: '小美' })).toBe(false);
    expect(isProfileComplete({})).toBe(false);
  });
});
