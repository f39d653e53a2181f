import { CloudError, transportErrorCode } from './errors';
import { currentOpenid } from './persona';

/**
 * h5 transport: POST /functions/<name> on the local cloud that serves this app; the caller is the
 * chosen persona in header x-wx-openid (local-only stand-in for WeChat's injected identity).
 * Returns the raw envelope. A call the platform failed answers no envelope: the local cloud's
 * HTTP 504 `{errCode: -504003}` (the function ran past its time limit) is TIMEOUT, as the weapp
 * build shows it for `callFunction`'s rejection; anything else unreadable is NETWORK or INTERNAL.
 */
export async function postFunction(name: string, event: object): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`/functions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': currentOpenid() },
      body: JSON.stringify(event),
    });
  } catch (e) {
    throw new CloudError('NETWORK', String(e));
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new CloudError(res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', `HTTP ${res.status}`);
  }
  if (res.status === 504) throw new CloudError(transportErrorCode(body), `HTTP 504 ${JSON.stringify(body)}`);
  return body;
}
