/**
 * The brand's fulfilment settings (`settings/fulfilment`, shared/settings/fulfilment.ts), read once
 * per request: every delivery and decision of one call sees the same settings and the document
 * costs one round trip per call, not one per event. An invalid document is logged and the
 * defaults apply (admin.promotionHealth reports it).
 */
import { store } from '../_platform';
import { readFulfilmentSettings, type FulfilmentSettings } from '../../shared/settings/fulfilment';

const perCall = new WeakMap<object, Promise<FulfilmentSettings>>();

/** The settings for the call `ctx` belongs to (1 round trip the first time in a call). */
export function fulfilmentSettings(ctx: object): Promise<FulfilmentSettings> {
  let settings = perCall.get(ctx);
  if (!settings) {
    settings = store.getById<unknown>('settings', 'fulfilment').then((doc) => {
      const read = readFulfilmentSettings(doc);
      if (read.problems.length > 0) console.warn(`[fulfil] settings/fulfilment is invalid, defaults apply: ${read.problems.join('; ')}`);
      return read.settings;
    });
    perCall.set(ctx, settings);
  }
  return settings;
}
