/** Binding customers through the real share flow in function tests. */
import type { TestCloud } from '../../emulator/testing';

/** The salesperson shares their card and `openid` opens it (binding them, by the binding policy); returns the share id. */
export async function bindByCard(cloud: TestCloud, openid: string, salesId: string): Promise<string> {
  const s = await cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'card', id: salesId }, channel: 'card' }, salesId);
  await cloud.ok('share', { action: 'open', shareId: s.shareId }, openid);
  return s.shareId;
}
