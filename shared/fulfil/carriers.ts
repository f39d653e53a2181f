/**
 * Carriers (快递公司) the brand ships with, and the loose check of a tracking number (运单号).
 * Codes are what documents store; names are what people read and paste.
 */

/** The carriers offered in the ship form, with the names and aliases a pasted row may use. */
export const CARRIERS = [
  { code: 'SF', name: '顺丰速运', aliases: ['顺丰', 'SF Express'] },
  { code: 'ZTO', name: '中通快递', aliases: ['中通'] },
  { code: 'YTO', name: '圆通速递', aliases: ['圆通'] },
  { code: 'STO', name: '申通快递', aliases: ['申通'] },
  { code: 'YUNDA', name: '韵达快递', aliases: ['韵达'] },
  { code: 'JD', name: '京东物流', aliases: ['京东'] },
  { code: 'EMS', name: '中国邮政 EMS', aliases: ['邮政', 'EMS'] },
  { code: 'JTSD', name: '极兔速递', aliases: ['极兔', 'J&T'] },
  { code: 'DBL', name: '德邦快递', aliases: ['德邦'] },
  { code: 'OTHER', name: '其他', aliases: ['other'] },
] as const;

/** A carrier code, e.g. `'SF'`. */
export type CarrierCode = (typeof CARRIERS)[number]['code'];

/** Every carrier code (for zod enums). */
export const CARRIER_CODES = CARRIERS.map((c) => c.code) as unknown as readonly [CarrierCode, ...CarrierCode[]];

/**
 * The carrier a person wrote: its code, name or an alias (case and spaces ignored); undefined when
 * none matches.
 * @example carrierOf('顺丰') // 'SF'
 */
export function carrierOf(text: string): CarrierCode | undefined {
  const t = text.replace(/\s+/g, '').toLowerCase();
  if (!t) return undefined;
  return CARRIERS.find((c) => [c.code, c.name, ...c.aliases].some((n) => n.replace(/\s+/g, '').toLowerCase() === t))?.code;
}

/** The carrier's name. @example carrierName('ZTO') // '中通快递' */
export function carrierName(code: string): string {
  return CARRIERS.find((c) => c.code === code)?.name ?? code;
}

/**
 * The loose tracking-number rule: after removing spaces and dashes and upper-casing, 8 to 30
 * letters and digits with at least 6 digits (every carrier above fits: SF1234567890123,
 * JT0001234567890, 773012345678901, 9876543210123). It catches a wrong column or a name pasted
 * by mistake, not a mistyped digit.
 */
export const TRACKING_NO_RULE = '8–30 letters and digits (spaces and dashes ignored), at least 6 of them digits';

/**
 * The tracking number as stored, or undefined when it breaks {@link TRACKING_NO_RULE}.
 * @example normalizeTrackingNo(' sf 1234-5678-90123 ') // 'SF1234567890123'
 */
export function normalizeTrackingNo(text: string): string | undefined {
  const t = text.replace(/[\s-]+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{8,30}$/.test(t)) return undefined;
  if ((t.match(/\d/g) ?? []).length < 6) return undefined;
  return t;
}
