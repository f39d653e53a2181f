/**
 * Materials (素材) that ops publish and salespeople forward: articles, brochures, customer cases,
 * videos, testimonials, posters. Ops-editable documents (`materials`): this schema is applied on
 * every read; an invalid document is skipped and reported (admin.promotionHealth). Text is stored
 * as a list of plain-text blocks and images — never HTML — and the page renders each block as a
 * text or image node, so nothing in a material can inject markup.
 */
import { z } from 'zod';
import { imageRef } from '../card/card';
import { PROMOTION_STATUSES, dateField } from '../promotions/fields';
import { describeIssues } from '../zod-issues';

/** Every kind of material. */
export const MATERIAL_KINDS = ['article', 'brochure', 'case', 'video', 'testimonial', 'poster'] as const;
/** One of {@link MATERIAL_KINDS}. */
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** Lifecycle of a material: only `active` ones are listed and readable by customers. */
export const MATERIAL_STATUSES = PROMOTION_STATUSES;
/** One of {@link MATERIAL_STATUSES}. */
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

/** A tag: a short word, letters and digits of any script. @example '养生' */
export const materialTag = z.string().regex(/^[\p{L}\p{N}_-]{1,12}$/u, '1–12 letters or digits');

/** One block of a text body. */
export const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), text: z.string().trim().min(1).max(60) }),
  z.strictObject({ type: z.literal('paragraph'), text: z.string().trim().min(1).max(2000) }),
  z.strictObject({ type: z.literal('quote'), text: z.string().trim().min(1).max(500) }),
  z.strictObject({ type: z.literal('image'), src: imageRef, caption: z.string().max(60).optional() }),
]);
/** A block of a material's body. */
export type Block = z.infer<typeof blockSchema>;

const blocks = z.array(blockSchema).min(1).max(200);
/** A file in cloud storage (`cloud://…`). */
const cloudFile = z.string().max(300).regex(/^cloud:\/\/[A-Za-z0-9._-]+\/[^\s?#]+$/, 'a cloud:// file id');
/** A video: a cloud storage file or an https URL. */
const videoSrc = z.union([cloudFile, z.url({ protocol: /^https$/ }).max(500)]);

/** The content of each kind. */
export const materialContentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('article'), blocks }),
  z.strictObject({ kind: z.literal('case'), customer: z.string().trim().min(1).max(30), blocks }),
  z.strictObject({ kind: z.literal('testimonial'), quote: z.string().trim().min(1).max(500), by: z.string().trim().min(1).max(30), blocks: blocks.optional() }),
  z
    .strictObject({ kind: z.literal('brochure'), pages: z.array(imageRef).max(30), pdf: cloudFile.nullable() })
    .refine((b) => b.pages.length > 0 || b.pdf !== null, 'a brochure needs pages or a PDF'),
  z.strictObject({ kind: z.literal('video'), video: videoSrc, durationS: z.number().int().positive().max(7200).optional() }),
  z.strictObject({ kind: z.literal('poster'), image: imageRef }),
]);
/** A material's content. */
export type MaterialContent = z.infer<typeof materialContentSchema>;

/** What ops write (material.save, or the console): everything but status and bookkeeping. */
export const materialFields = {
  _id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ and -, ≤ 32'),
  title: z.string().trim().min(1).max(60),
  summary: z.string().trim().max(120).optional(),
  cover: imageRef,
  tags: z.array(materialTag).max(10),
  /** The product a reader is pointed to, if any. */
  productId: z.string().min(1).max(64).nullable().optional(),
  content: materialContentSchema,
};

/** material.save's `material`. */
export const materialInputSchema = z.strictObject(materialFields);
/** What ops save. */
export type MaterialInput = z.infer<typeof materialInputSchema>;

/** A stored material (`materials/{_id}`). */
export const materialSchema = z.strictObject({
  ...materialFields,
  status: z.enum(MATERIAL_STATUSES),
  /** Set when it first became active; lists sort on it. */
  publishedAt: dateField.nullable().optional(),
  createdAt: dateField.optional(),
  updatedAt: dateField.optional(),
});
/** A stored material. */
export type Material = z.infer<typeof materialSchema>;

/**
 * Validates a stored material: the material, or the problems as `"field: what is wrong"` lines.
 * @example parseMaterial({ _id: 'm1' }).ok // false
 */
export function parseMaterial(doc: unknown): { ok: true; material: Material } | { ok: false; problems: string[] } {
  const r = materialSchema.safeParse(doc);
  return r.success ? { ok: true, material: r.data } : { ok: false, problems: describeIssues(r.error.issues, '(document)') };
}

/** Every image or file a material refers to (to resolve to temporary URLs in one call). */
export function materialFiles(m: Pick<Material, 'cover' | 'content'>): string[] {
  const c = m.content;
  const fromBlocks = (bs: Block[] | undefined) => (bs ?? []).flatMap((b) => (b.type === 'image' ? [b.src] : []));
  const files = [m.cover];
  if (c.kind === 'article' || c.kind === 'case' || c.kind === 'testimonial') files.push(...fromBlocks(c.blocks));
  if (c.kind === 'brochure') files.push(...c.pages, ...(c.pdf ? [c.pdf] : []));
  if (c.kind === 'video') files.push(c.video);
  if (c.kind === 'poster') files.push(c.image);
  return files;
}
