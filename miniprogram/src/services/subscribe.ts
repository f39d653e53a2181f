import Taro from '@tarojs/taro';
import type { MessageMoment } from '../../../shared/settings/fulfilment';
import { orderApi } from './api';

/**
 * Asks the user for the subscribe-message templates of `moment` (at most 3, the brand's template
 * ids from the settings), right after the tap that leads to them — WeChat shows the dialog only
 * inside a tap's handler. The answer never blocks what the tap does: a refusal or an error just
 * means no message. h5 has no subscribe messages: a no-op.
 */
export async function askForMessages(moment: MessageMoment): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    const { templateIds } = await orderApi.messageTemplates(moment);
    // entityIds is Alipay's field; WeChat reads tmplIds.
    if (templateIds.length > 0) await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] });
  } catch {
    // Refused, or the templates could not be read: the flow goes on without messages.
  }
}
