import Taro from '@tarojs/taro';

/**
 * Teams this device opened or joined, so the team page shows "invite" rather than "join" even
 * where the function's reply does not say who the caller is (weapp has no openid on the client).
 */
const KEY = 'linkshelf.myTeams';

export function rememberTeam(teamId: string): void {
  const list = (Taro.getStorageSync(KEY) as string[] | '') || [];
  if (!list.includes(teamId)) Taro.setStorageSync(KEY, [teamId, ...list].slice(0, 50));
}

export function isMyTeam(teamId: string): boolean {
  const list = (Taro.getStorageSync(KEY) as string[] | '') || [];
  return list.includes(teamId);
}
