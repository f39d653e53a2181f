import { decodeCursor, encodeCursor } from './paging';

describe('list cursors', () => {
  it('round-trips the instant and the id (ids may contain _)', () => {
    const at = new Date('2026-06-01T02:00:00Z');
    expect(decodeCursor(encodeCursor(at, 'a_b-c'))).toEqual({ at, id: 'a_b-c' });
  });
  it.each(['', 'abc', '_id', '12', 'x_1', `1_${'y'.repeat(65)}`])('refuses %j', (text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});
