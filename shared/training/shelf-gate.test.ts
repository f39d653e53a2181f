import { decideShelfLive, type GateRow } from './shelf-gate';

const required = (id: string, extra: Record<string, unknown> = {}) => ({ _id: id, title: `课程${id}`, status: 'published', requiredBeforeLive: true, ...extra });
const NOW = new Date('2026-06-01T02:00:00Z');

describe('decideShelfLive: a required course gates the shelf until completed', () => {
  it.each<[string, GateRow[], boolean, string[]]>([
    ['no courses: live', [], true, []],
    ['required, assigned to all, not started: not live', [{ course: required('c1', { assignAll: { dueAt: NOW } }) }], false, ['c1']],
    ['required, assigned to all, in progress: not live', [{ course: required('c1', { assignAll: { dueAt: NOW } }), progress: {} }], false, ['c1']],
    ['required, assigned to all, completed: live', [{ course: required('c1', { assignAll: { dueAt: NOW } }), progress: { completedAt: NOW } }], true, []],
    ['required, assigned to this salesperson (progress exists), not completed: not live', [{ course: required('c1'), progress: {} }], false, ['c1']],
    ['required but not assigned to this salesperson: live', [{ course: required('c1') }], true, []],
    ['not required: live', [{ course: required('c1', { requiredBeforeLive: false, assignAll: {} }) }], true, []],
    ['a draft required course: live', [{ course: required('c1', { status: 'draft', assignAll: {} }) }], true, []],
    ['an archived required course: live', [{ course: required('c1', { status: 'archived', assignAll: {} }) }], true, []],
    ['an invalid course is skipped (reported elsewhere)', [{ course: { _id: 'c1', status: 'published', requiredBeforeLive: 'yes', assignAll: {} } }], true, []],
    [
      'two pending, one done: the two block, sorted by id',
      [{ course: required('c3', { assignAll: {} }) }, { course: required('c2'), progress: { completedAt: NOW } }, { course: required('c1'), progress: {} }],
      false,
      ['c1', 'c3'],
    ],
  ])('%s', (_title, rows, live, blocking) => {
    const d = decideShelfLive(rows);
    expect(d.live).toBe(live);
    expect(d.blocking.map((b) => b.courseId)).toEqual(blocking);
  });

  it('names each blocking course with its title', () => {
    expect(decideShelfLive([{ course: required('c1', { assignAll: {} }) }]).blocking).toEqual([{ courseId: 'c1', title: '课程c1' }]);
  });
});
