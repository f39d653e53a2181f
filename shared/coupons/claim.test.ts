import { PROMO_IDS } from '../../emulator/seed/promotions';
import { seedTemplate } from '../../tests/support/fixtures';
import { decideClaim } from './claim';

const now = new Date('2026-06-01T02:00:00Z');
const template = { ...seedTemplate(PROMO_IDS.flatOff, now), _id: 't1', stock: 10, perUserLimit: 2, perDayLimit: 1 };
const none = { total: 0, today: 0 };

describe('decideClaim names the first reason a claim is refused', () => {
  it.each([
    ['a missing template → NOT_FOUND', undefined, none, false, 'NOT_FOUND'],
    ['an invalid document → FAILED_PRECONDITION', { ...template, stock: -1 }, none, false, 'FAILED_PRECONDITION'],
    ['a paused template → EXPIRED', { ...template, status: 'paused' }, none, false, 'EXPIRED'],
    ['a template not started → EXPIRED', { ...template, startAt: new Date(now.getTime() + 1000) }, none, false, 'EXPIRED'],
    ['a template past its end → EXPIRED', { ...template, endAt: now }, none, false, 'EXPIRED'],
    ['the per-user limit, even when sold out → LIMIT_REACHED', { ...template, stock: 0 }, { total: 2, today: 0 }, false, 'LIMIT_REACHED'],
    ['the per-day limit → LIMIT_REACHED', template, { total: 1, today: 1 }, false, 'LIMIT_REACHED'],
    ['no stock → SOLD_OUT', { ...template, stock: 0 }, none, false, 'SOLD_OUT'],
  ])('%s', (_title, raw, held, stockTaken, code) => {
    expect(decideClaim(raw, held, now, stockTaken)).toMatchObject({ ok: false, code });
  });

  it('accepts a live template under both limits; after a take, stock 0 is the unit just taken', () => {
    expect(decideClaim(template, { total: 1, today: 0 }, now)).toMatchObject({ ok: true, template: { _id: 't1' } });
    expect(decideClaim({ ...template, stock: 0 }, none, now, true)).toMatchObject({ ok: true });
  });

  it('reads ISO date strings typed in the console', () => {
    const typed = { ...template, startAt: '2026-05-31T00:00:00+08:00', endAt: '2026-06-30T00:00:00+08:00' };
    expect(decideClaim(typed, none, now)).toMatchObject({ ok: true });
  });
});
