import { FLASH_TAKE_GRACE_MS, sortOldTakes, type FlashTake } from './orphan-takes';

const NOW = new Date('2026-06-01T12:00:00Z');
const take = (orderId: string, ageMs: number): FlashTake => ({ orderId, buyerKey: `k_${orderId}`, takenAt: new Date(NOW.getTime() - ageMs) });

describe('sortOldTakes', () => {
  it('after the grace period, a take without its order is an orphan; every old take is done; a young one waits', () => {
    const takes = [take('o_gone', FLASH_TAKE_GRACE_MS), take('o_here', FLASH_TAKE_GRACE_MS + 1), take('o_young', FLASH_TAKE_GRACE_MS - 1)];
    expect(sortOldTakes(takes, new Set(['o_here']), NOW)).toEqual({ orphans: [takes[0]], done: ['o_gone', 'o_here'] });
  });

  it('nothing to do without takes, or when every order exists', () => {
    expect(sortOldTakes([], new Set(), NOW)).toEqual({ orphans: [], done: [] });
    expect(sortOldTakes([take('a', FLASH_TAKE_GRACE_MS * 2)], new Set(['a']), NOW)).toEqual({ orphans: [], done: ['a'] });
  });
});
