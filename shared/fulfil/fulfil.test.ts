/** Carriers, the loose tracking-number rule, and rows pasted into the to-ship page. */
import { carrierOf, normalizeTrackingNo } from './carriers';
import { MAX_PASTED_ROWS, parsePastedShipments } from './paste';

describe('carriers by code, name or alias', () => {
  it.each([
    ['SF', 'SF'],
    ['顺丰', 'SF'],
    ['顺丰速运', 'SF'],
    [' zto ', 'ZTO'],
    ['极兔', 'JTSD'],
    ['其他', 'OTHER'],
    ['菜鸟', undefined],
    ['', undefined],
  ])('%s → %s', (text, code) => expect(carrierOf(text)).toBe(code));
});

describe('tracking numbers: 8–30 letters and digits, at least 6 digits; spaces and dashes ignored', () => {
  it.each([
    ['SF1234567890123', 'SF1234567890123'],
    [' sf 1234-5678-90123 ', 'SF1234567890123'],
    ['773012345678901', '773012345678901'],
    ['JT0001234567890', 'JT0001234567890'],
    ['1234567', undefined],
    ['ABCDEFGH12345', undefined],
    ['x'.repeat(31), undefined],
    ['SF12345678901#3', undefined],
    ['顺丰1234567890', undefined],
  ])('%s → %s', (text, stored) => expect(normalizeTrackingNo(text)).toBe(stored));
});

describe('pasted rows', () => {
  it('reads CSV, TSV and Chinese commas; skips a header and blank lines; reports each bad line with its number', () => {
    const text = ['订单号,快递公司,运单号', 'o1,顺丰,SF1234567890123', '', 'o2\t中通\t73100098765432', 'o3，圆通，YT1234567890', 'o4,菜鸟,1234567890', 'o5,SF,123', 'o1,SF,SF9999999999999', 'o6,SF,SF1234567890123,extra'].join('\n');
    const r = parsePastedShipments(text);
    expect(r.rows).toEqual([
      { orderId: 'o1', carrier: 'SF', trackingNo: 'SF1234567890123' },
      { orderId: 'o2', carrier: 'ZTO', trackingNo: '73100098765432' },
      { orderId: 'o3', carrier: 'YTO', trackingNo: 'YT1234567890' },
    ]);
    expect(r.problems.map((p) => [p.line, p.problem.split(':')[0]])).toEqual([
      [6, 'carrier'],
      [7, 'trackingNo'],
      [8, 'orderId'],
      [9, 'expected 3 columns'],
    ]);
  });

  it(`takes at most ${MAX_PASTED_ROWS} rows`, () => {
    const text = Array.from({ length: MAX_PASTED_ROWS + 2 }, (_, i) => `o${i},SF,SF${String(i).padStart(13, '0')}`).join('\n');
    const r = parsePastedShipments(text);
    expect(r.rows).toHaveLength(MAX_PASTED_ROWS);
    expect(r.problems).toHaveLength(2);
  });
});
