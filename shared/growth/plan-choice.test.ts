import { choosePlan, type PlanChoice } from './plan-choice';

const AT = new Date('2026-06-01T02:00:00Z');
const rule = { type: 'percent', rateBp: 1000 };
const plan = (id: string, extra: Record<string, unknown> = {}) => ({ _id: id, status: 'active', defaultRule: rule, ...extra });
const broken = (id: string, extra: Record<string, unknown> = {}) => plan(id, { defaultRule: { type: 'percent', rateBp: 'ten' }, ...extra });

const summary = (c: PlanChoice) => (c.kind === 'plan' ? `plan ${c.plan._id}` : c.kind === 'waiting' ? `waiting ${[...new Set(c.problems.map((p) => p.docId))].join(',')}` : 'none');

describe('choosePlan: which plan pays a salesperson, and when the commission waits', () => {
  it.each([
    ['the default plan pays everyone it does not name', [plan('cp_default')], 'o_li', 'plan cp_default'],
    ['a plan naming the salesperson wins over the default', [plan('cp_default'), plan('cp_li', { salesIds: ['o_li'] })], 'o_li', 'plan cp_li'],
    ['a group plan naming others leaves this salesperson on the default', [plan('cp_default'), plan('cp_team', { salesIds: ['o_wang', 'o_zhao'] })], 'o_li', 'plan cp_default'],
    ['among live plans of one level the latest start wins', [plan('cp_a', { startAt: new Date('2026-01-01') }), plan('cp_b', { startAt: new Date('2026-05-01') })], 'o_li', 'plan cp_b'],
    ['an invalid default plan makes the commission wait (never a silent zero)', [broken('cp_default')], 'o_li', 'waiting cp_default'],
    ['an invalid own plan waits even when a default plan is valid', [plan('cp_default'), broken('cp_li', { salesIds: ['o_li'] })], 'o_li', 'waiting cp_li'],
    ['an invalid own plan waits even when another own plan is valid', [plan('cp_li2', { salesIds: ['o_li'] }), broken('cp_li', { salesIds: ['o_li'] })], 'o_li', 'waiting cp_li'],
    ['a valid own plan is not held up by an invalid default plan', [broken('cp_default'), plan('cp_li', { salesIds: ['o_li'] })], 'o_li', 'plan cp_li'],
    ['an invalid plan of other salespeople does not hold this one up', [plan('cp_default'), broken('cp_team', { salesIds: ['o_wang'] })], 'o_li', 'plan cp_default'],
    ['an invalid plan whose salesIds cannot be read could be anyone’s: it waits', [plan('cp_default'), broken('cp_x', { salesIds: 'o_li' })], 'o_li', 'waiting cp_x'],
    ['an invalid plan that is not active does not apply', [plan('cp_default'), broken('cp_old', { status: 'paused' })], 'o_li', 'plan cp_default'],
    ['an invalid plan whose window has ended does not apply', [plan('cp_default'), broken('cp_old', { endAt: '2026-01-01T00:00:00Z' })], 'o_li', 'plan cp_default'],
    ['a paused plan pays nothing (no live plan)', [plan('cp_default', { status: 'paused' })], 'o_li', 'none'],
    ['a plan outside its window pays nothing', [plan('cp_default', { startAt: new Date('2026-07-01') })], 'o_li', 'none'],
    ['no plan at all: none', [], 'o_li', 'none'],
  ])('%s', (_title, docs, salesId, expected) => {
    expect(summary(choosePlan(docs, salesId, AT))).toBe(expected);
  });

  it('a waiting choice names the document and the field', () => {
    const c = choosePlan([broken('cp_default')], 'o_li', AT);
    expect(c).toEqual({ kind: 'waiting', problems: [expect.objectContaining({ collection: 'commission_plans', docId: 'cp_default', field: 'defaultRule' })] });
  });
});
