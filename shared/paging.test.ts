import { decodeCursor, encodeCursor } from './paging';

describe('paging cursors', () => {
  it.each([
    ['a Date', new Date('2026-06-01T02:00:00.123Z')],
    ['a number', 42],
    ['a string', '2026-06-01'],
    ['null', null],
  ])('round-trip %s with its id', (_t, value) => {
    expect(decodeCursor(encodeCursor({ value, id: 'o_1-x' }))).toEqual({ value, id: 'o_1-x' });
  });

  it.each(['', 'not base64 !', encodeCursor({ value: 1, id: 'x' }).slice(0, 5), btoa('[1,2]'), btoa('["d","x","o1"]'), btoa('["s","a",""]')])('refuses %j', (c) => {
    expect(decodeCursor(c)).toBeUndefined();
  });
});
