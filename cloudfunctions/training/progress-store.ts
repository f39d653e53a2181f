import { store, type Fields } from '../_platform';
import { newProgress, progressId, type TrainingProgress } from '../../shared/training';

/** The progress document after a write, and whether this write changed it. */
export interface Written {
  doc: TrainingProgress | undefined;
  applied: boolean;
}

/**
 * Writes one change to a salesperson's progress (`set`, where `guard` holds), creating the
 * document with `initial` when a course assigned to all is studied for the first time. Safe under
 * concurrency: a lost insert race falls back to the update. When the update matched nothing (the
 * guard refused it, or it changed nothing) the document is read back with `applied: false`.
 * Round trips: 1 (insert or update), 2 when the insert lost the race or nothing was applied.
 */
export async function writeProgress(
  at: { courseId: string; salesId: string; now: Date; exists: boolean },
  change: { set: Fields; guard?: Fields; initial: (base: TrainingProgress) => TrainingProgress },
): Promise<Written> {
  if (!at.exists) {
    const fresh = change.initial(newProgress(at.courseId, at.salesId, at.now));
    if (await store.insertOnce('training_progress', fresh)) return { doc: fresh, applied: true };
  }
  const id = progressId(at.courseId, at.salesId);
  const doc = await store.updateAndReturn<TrainingProgress>('training_progress', { _id: id, ...change.guard }, change.set);
  if (doc) return { doc, applied: true };
  return { doc: await store.getById<TrainingProgress>('training_progress', id), applied: false };
}

/** Sets `completedAt` once: the first completion wins, later calls keep it. Round trips: 0 or 1 (+1 when another call won). */
export async function markCompleted(doc: TrainingProgress, now: Date): Promise<TrainingProgress> {
  if (doc.completedAt) return doc;
  const won = await store.guardedUpdate('training_progress', { _id: doc._id, completedAt: store.command().exists(false) }, { completedAt: now, updatedAt: now });
  return won ? { ...doc, completedAt: now } : ((await store.getById<TrainingProgress>('training_progress', doc._id)) ?? doc);
}
