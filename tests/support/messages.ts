/** Subscribe messages in tests: the user's acceptances (the local wx.requestSubscribeMessage) and the local cloud's outbox. */
import type { TestCloud } from '../../emulator/testing';
import { SEED_TEMPLATES } from '../../emulator/seed/fulfilment';

/** A message as the local cloud's outbox records it. */
export interface SentMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
}

/** `openid` taps "allow" for `templateIds` (each allows one send), as wx.requestSubscribeMessage would record. */
export async function acceptTemplates(cloud: TestCloud, openid: string, templateIds: string[] = Object.values(SEED_TEMPLATES) as string[]): Promise<void> {
  for (let i = 0; i < templateIds.length; i += 3) {
    const res = await fetch(`${cloud.url}/client/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify({ tmplIds: templateIds.slice(i, i + 3) }) });
    if (!res.ok) throw new Error(`accepting ${templateIds.join(', ')} for ${openid}: ${res.status} ${await res.text()}`);
  }
}

/** Every message sent so far (GET /_emulator/outbox). */
export async function outbox(cloud: TestCloud): Promise<SentMessage[]> {
  return (await (await fetch(`${cloud.url}/_emulator/outbox`)).json()) as SentMessage[];
}
