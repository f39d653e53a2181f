/**
 * A salesperson's business card (名片): what they show a customer who opens it. Stored on the
 * salesperson's user document (`users/{salesId}.card`), so the card and its owner come in one read.
 */
import { z } from 'zod';

/**
 * An image reference a document may store: a cloud storage file id (`cloud://…`) or an image
 * shipped with the app (`/assets/…`). Never a URL to somewhere else, never HTML.
 * @example imageRef.parse('cloud://local.linkshelf-local/uploads/o_sales_li/card/1.png')
 */
export const imageRef = z
  .string()
  .max(300)
  .refine((s) => /^cloud:\/\/[A-Za-z0-9._-]+\/[^\s?#]+$/.test(s) || /^\/assets\/[A-Za-z0-9/_.-]+$/.test(s), 'a cloud:// file id or an /assets/ path');

/** A phone number as a customer may dial it. @example '138 0013 8000' */
export const phoneField = z.string().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'digits, spaces and dashes');

/** How many products and materials a card features. */
export const CARD_FEATURED_MAX = 6;

/** The card as the salesperson saves it (card.save). */
export const cardSchema = z.strictObject({
  photo: imageRef.nullable(),
  name: z.string().trim().min(1).max(20),
  title: z.string().trim().max(30),
  phone: phoneField.nullable(),
  /** Their personal WeChat QR code image (shown on "add my WeChat"). */
  wechatQr: imageRef.nullable(),
  intro: z.string().trim().max(300),
  featuredProductIds: z.array(z.string().min(1).max(64)).max(CARD_FEATURED_MAX),
  featuredMaterialIds: z.array(z.string().min(1).max(64)).max(CARD_FEATURED_MAX),
});
/** A card as saved. */
export type Card = z.infer<typeof cardSchema>;

/** What the card shows of its owner: everything saved except the featured lists. */
export type CardFace = Omit<Card, 'featuredProductIds' | 'featuredMaterialIds'>;

/**
 * The face fields of a card, picked out of anything that carries them (a saved card, or the card
 * as card.get answers it) — what the reply shows and what the editor saves back.
 * @example cardFieldsOf(defaultCard({ name: '李娜' })).name // '李娜'
 */
export function cardFieldsOf(c: CardFace): CardFace {
  return { photo: c.photo, name: c.name, title: c.title, phone: c.phone, wechatQr: c.wechatQr, intro: c.intro };
}

/** A stored card: the saved fields and when. */
export type StoredCard = Card & { updatedAt: Date };

/**
 * True when `ref` may be put on `openid`'s card: an app asset, or a file under that user's own
 * `uploads/<openid>/` folder (the storage rules let nobody else write there) — never another
 * user's upload.
 * @example isOwnImage('cloud://local.b/uploads/o_sales_li/card/1.png', 'o_sales_li') // true
 */
export function isOwnImage(ref: string, openid: string): boolean {
  if (ref.startsWith('/assets/')) return true;
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(ref);
  return !!m && m[1].startsWith(`uploads/${openid}/`) && !m[1].includes('..');
}

/** The card a salesperson without one starts from: their name, title and avatar, nothing else. */
export function defaultCard(user: { name?: string; title?: string; avatarFileId?: string | null }): Card {
  return {
    photo: user.avatarFileId ?? null,
    name: (user.name ?? '').slice(0, 20) || '—',
    title: (user.title ?? '').slice(0, 30),
    phone: null,
    wechatQr: null,
    intro: '',
    featuredProductIds: [],
    featuredMaterialIds: [],
  };
}
