import { nullWhereAbsent } from './records';

describe('nullWhereAbsent', () => {
  it('keeps the values present, null for the absent and undefined ones, and only the keys named', () => {
    const record: { a?: number; b?: string; c?: Date; d: boolean } = { a: 0, c: undefined, d: false };
    expect(nullWhereAbsent(record, ['a', 'b', 'c'])).toStrictEqual({ a: 0, b: null, c: null });
  });
});
