import { CloudError } from './errors';
import { currentOpenid } from './persona';

/**
 * h5 transport: POST /functions/<name> on the local cloud that serves this app; the caller is the
 * chosen persona in header x-wx-openid (local-only stand-in for WeChat's injected identity).
 * Returns the raw envelope.
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
  try {
    return await res.json();
  } catch {
    throw new CloudError(res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', `HTTP ${res.status}`);
  }
}
