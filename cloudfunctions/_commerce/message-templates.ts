import type { MessageMoment } from '../../shared/settings/fulfilment';
import { templatesForMoment } from '../../shared/settings/fulfilment';
import { fulfilmentSettings } from './settings';

/** The template ids the app asks for at `moment` (1 round trip: the settings). */
export async function templatesFor(ctx: object, moment: MessageMoment): Promise<string[]> {
  return templatesForMoment(await fulfilmentSettings(ctx), moment);
}
