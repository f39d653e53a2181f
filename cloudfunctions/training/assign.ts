import { AppError, action, store, type UserDoc } from '../_platform';
import { training } from '../../shared/contract';
import { newProgress, progressId, type TrainingProgress } from '../../shared/training';
import { parseCourse } from './read';

/**
 * training.assign {courseId, salesIds | 'all', dueAt} (ops), for a valid published course:
 *   - 'all': the course's `assignAll = {dueAt}` — every salesperson, present and future, is
 *     assigned (their progress document is created when they first study). Round trips: caller +
 *     course + 1 update + 1 count of salespeople.
 *   - a list: one progress document per salesperson (deterministic id `courseId:salesId`), created
 *     with its own due date, or — already assigned — its due date moved and its progress kept.
 *     Ids that are not salespeople are skipped. Repeating the call changes nothing more. Round
 *     trips: caller + course + salespeople + their progress (together) + 1 insert + 1 update.
 */
export const assign = action(training.assign)({
  access: ['ops'],
  async run(input, ctx) {
    const raw = await store.getById<Record<string, unknown>>('courses', input.courseId);
    const course = raw && parseCourse(raw);
    if (!course) throw new AppError('NOT_FOUND', `no valid course ${input.courseId}`);
    if (course.status !== 'published') throw new AppError('FAILED_PRECONDITION', `course ${course._id} is ${course.status}: publish it first`);
    if (input.dueAt.getTime() <= ctx.now.getTime()) throw new AppError('INVALID_ARGUMENT', 'dueAt: must be in the future');
    const result = { courseId: course._id, dueAt: input.dueAt };

    if (input.salesIds === 'all') {
      const [, salespeople] = await Promise.all([
        store.updateById('courses', course._id, { assignAll: store.command().set({ dueAt: input.dueAt, assignedAt: ctx.now, assignedBy: ctx.openid }) }),
        store.count('users', { role: 'sales' }),
      ]);
      return { ...result, audience: 'all' as const, assigned: salespeople, updated: 0, skipped: [] };
    }

    const ids = [...new Set(input.salesIds)];
    const _ = store.command();
    const [users, existing] = await Promise.all([
      store.find<UserDoc>('users', { _id: _.in(ids) }, { limit: ids.length }),
      store.find<Pick<TrainingProgress, '_id' | 'salesId'>>('training_progress', { _id: _.in(ids.map((id) => progressId(course._id, id))) }, { limit: ids.length, fields: { _id: true, salesId: true } }),
    ]);
    const sales = new Set(users.filter((u) => u.role === 'sales').map((u) => u._id));
    const skipped = ids.filter((id) => !sales.has(id));
    if (sales.size === 0) throw new AppError('NOT_FOUND', 'salesIds: none of them is a salesperson');
    const already = new Set(existing.map((p) => p.salesId));
    const fresh = [...sales].filter((id) => !already.has(id));
    const assignment = { assignedBy: ctx.openid, dueAt: input.dueAt };
    const inserted = await insertAll(fresh.map((id) => newProgress(course._id, id, ctx.now, assignment)));
    const toUpdate = [...already, ...fresh.filter((id) => !inserted.has(id))];
    if (toUpdate.length) {
      await store.updateMany('training_progress', { _id: _.in(toUpdate.map((id) => progressId(course._id, id))) }, { dueAt: input.dueAt, assignedBy: ctx.openid, updatedAt: ctx.now });
    }
    return { ...result, audience: 'list' as const, assigned: inserted.size, updated: toUpdate.length, skipped };
  },
});

/**
 * Inserts the new progress documents in one request; if a concurrent assign created some of them
 * (the batch fails on a duplicate id), one by one with the uniqueness guard. Returns the sales ids
 * inserted by this call.
 */
async function insertAll(docs: TrainingProgress[]): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  try {
    await store.insert('training_progress', docs);
    return new Set(docs.map((d) => d.salesId));
  } catch {
    const won = await Promise.all(docs.map((d) => store.insertOnce('training_progress', d)));
    return new Set(docs.filter((_d, i) => won[i]).map((d) => d.salesId));
  }
}
