/** `material`: the materials library (素材) — ops publish, salespeople browse and forward, customers read; the read radar. */
import { z } from 'zod';
import { MATERIAL_KINDS, MATERIAL_STATUSES, materialContentSchema, materialInputSchema, materialTag } from '../materials/material';
import { PROGRESS_RULES } from '../materials/progress';
import { STAGES } from '../customers/stage';
import { defineContract } from './define';
import { count, cursorField, customerFaceFields, fen, idField, instant } from './fields';

const kind = z.enum(MATERIAL_KINDS);
const status = z.enum(MATERIAL_STATUSES);

/** A material in a list. */
export const materialItemSchema = z.strictObject({
  materialId: z.string(),
  title: z.string(),
  kind,
  summary: z.string().nullable(),
  /** An image reference (`cloud://` or `/assets/`), shown as it is by the app. */
  cover: z.string(),
  tags: z.array(z.string()),
  productId: z.string().nullable(),
  status,
});

const stageCounts = z.strictObject(Object.fromEntries(STAGES.map((s) => [s, count])) as Record<(typeof STAGES)[number], typeof count>);

/** The actions of `material`. */
export const material = defineContract({
  /** Sales, boss, ops: active materials, newest first, optionally with a tag; 20 per page. */
  list: {
    input: { tag: materialTag.optional(), cursor: cursorField.optional() },
    reply: z.strictObject({ items: z.array(materialItemSchema), nextCursor: z.string().nullable() }),
  },
  /**
   * One material with its content (images and files as references, resolved by the app).
   * Customers read active ones only, and their read opens a visit (`visitId`, one per half hour);
   * staff may preview any (`visitId` null).
   */
  get: {
    input: { materialId: idField },
    reply: z.strictObject({ material: materialItemSchema.extend({ content: materialContentSchema }), visitId: z.string().nullable() }),
  },
  /**
   * The reader's progress on a visit: seconds on the page and how far it was scrolled (0–100).
   * Stored as maxima, the time never beyond what elapsed since the visit opened (server clock).
   */
  progress: {
    input: {
      visitId: idField,
      seconds: z.number().int().nonnegative().max(PROGRESS_RULES.maxSeconds),
      depth: z.number().int().min(0).max(100),
    },
    reply: z.strictObject({ visitId: z.string(), seconds: count, depth: count }),
  },
  /** Ops: creates or replaces a material (a new one starts as a draft; the status is kept otherwise). */
  save: {
    input: { material: materialInputSchema },
    reply: z.strictObject({ materialId: z.string(), status, created: z.boolean() }),
  },
  /** Ops: publishes (`active`), pauses, ends or drafts a material. */
  setStatus: {
    input: { materialId: idField, status },
    reply: z.strictObject({ materialId: z.string(), status, publishedAt: instant.nullable() }),
  },
  /** Sales (their own customers), boss (everyone's): who read what, when, how long, how far — newest first. */
  radar: {
    input: { cursor: cursorField.optional() },
    reply: z.strictObject({
      items: z.array(
        z.strictObject({
          visitId: z.string(),
          ...customerFaceFields,
          materialId: z.string(),
          title: z.string(),
          kind: z.string(),
          openedAt: instant,
          seconds: count,
          depth: count,
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  },
  /**
   * Boss, ops: which materials drive opens, binds and orders (their shares' counts), and how they
   * are read; plus the customers' lifecycle stages, overall and per salesperson.
   */
  report: {
    input: {},
    reply: z.strictObject({
      materials: z.array(
        z.strictObject({
          materialId: z.string(),
          title: z.string(),
          kind: z.string(),
          shares: count,
          opens: count,
          binds: count,
          newCustomers: count,
          paidOrders: count,
          gmvFen: fen,
          reads: count,
          avgSeconds: count,
          avgDepth: count,
        }),
      ),
      stages: z.strictObject({
        overall: stageCounts,
        bySales: z.array(z.strictObject({ salesId: z.string(), name: z.string(), counts: stageCounts })),
      }),
    }),
  },
});
