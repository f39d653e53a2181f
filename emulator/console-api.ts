/**
 * The ops console's API (local cloud only; in CloudBase ops use the CloudBase console, which,
 * like this one, writes documents directly, bypassing security rules). Documents travel as
 * relaxed EJSON so dates stay dates: `{"$date": "2026-06-01T00:00:00Z"}`.
 *
 * Signing in: every request names who is at the console with `x-wx-openid` (the local stand-in
 * for an identity, as for functions); only a user whose role is ops or boss gets in — no identity
 * → 401, anyone else (a customer, a salesperson, an unknown openid) → 403. The CloudBase console
 * has its own accounts; this is the local cloud's equivalent.
 */
import type http from 'node:http';
import { EJSON } from 'bson';
import { checkOpsDocument, checkOpsSetting, isOpsCollection, OPS_COLLECTIONS } from '../shared/ops-documents';
import { BACK_OFFICE_ROLES } from '../shared/roles';
import type { LocalCloudApi as LocalCloud } from './cloud-api';
import type { Doc } from './ejson';
import { buildSeed } from './seed';
import { readBody, sendJson } from './http-util';

const toText = (doc: unknown) => EJSON.stringify(doc as Record<string, unknown>, undefined, 2, { relaxed: true });

function problemsOf(collection: string, doc: unknown): string[] {
  // Ops settings (payouts, shipping) are checked by id, as admin.promotionHealth checks them.
  if (collection === 'settings' && doc && typeof doc === 'object') return checkOpsSetting(doc);
  return isOpsCollection(collection) ? checkOpsDocument(collection, doc) : [];
}

/** Who is at the console: the ops or boss user `x-wx-openid` names, or why not (HTTP status and reason). */
export function consoleCaller(cloud: LocalCloud, req: http.IncomingMessage): { openid: string; role: string; name: string } | { status: 401 | 403; error: string } {
  const header = req.headers['x-wx-openid'];
  const openid = typeof header === 'string' ? header : '';
  if (!openid) return { status: 401, error: 'sign in: the console is for ops and the boss (x-wx-openid)' };
  const user = cloud.store.get('users', openid);
  const role = typeof user?.role === 'string' ? user.role : '';
  if (!(BACK_OFFICE_ROLES as readonly string[]).includes(role)) return { status: 403, error: `${openid} (${role || 'unknown'}) may not use the console: ops or boss only` };
  return { openid, role, name: typeof user?.name === 'string' ? user.name : openid };
}

export async function consoleApi(cloud: LocalCloud, req: http.IncomingMessage, res: http.ServerResponse, rest: string, url: URL): Promise<void> {
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const method = req.method ?? 'GET';
  const caller = consoleCaller(cloud, req);
  if ('status' in caller) return sendJson(res, caller.status, { error: caller.error });
  if (parts[0] === 'whoami' && method === 'GET') return sendJson(res, 200, caller);
  if (parts[0] === 'collections' && method === 'GET') {
    const list = cloud.store.collectionNames().map((name) => ({ name, count: cloud.store.docs(name).length, ops: isOpsCollection(name) }));
    list.sort((a, b) => Number(b.ops) - Number(a.ops) || a.name.localeCompare(b.name));
    return sendJson(res, 200, { collections: list, opsCollections: OPS_COLLECTIONS });
  }
  const collection = parts[1];
  if (!collection || !cloud.store.hasCollection(collection)) return sendJson(res, 404, { error: `no collection ${collection ?? ''}` });

  if (parts[0] === 'template' && method === 'GET') {
    const example = buildSeed(new Date(cloud.clock.now()))[collection]?.[0];
    const template = example ? { ...example, _id: `${collection}_${Date.now().toString(36)}`, status: 'draft' } : { _id: `${collection}_${Date.now().toString(36)}` };
    return sendJson(res, 200, { text: toText(template), problems: problemsOf(collection, template) });
  }
  if (parts[0] === 'validate' && method === 'POST') {
    try {
      const doc = EJSON.parse(await readBody(req), { relaxed: true });
      return sendJson(res, 200, { problems: problemsOf(collection, doc) });
    } catch (err) {
      return sendJson(res, 400, { error: `not a JSON document: ${(err as Error).message}` });
    }
  }
  if (parts[0] !== 'docs') return sendJson(res, 404, { error: 'unknown console route' });
  const id = parts[2];

  if (method === 'GET' && !id) {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 500);
    const docs = cloud.store.snapshot(collection).slice(0, limit);
    return sendJson(res, 200, {
      docs: docs.map((d) => ({ id: String(d._id), title: typeof d.title === 'string' ? d.title : typeof d.name === 'string' ? d.name : '', status: typeof d.status === 'string' ? d.status : '', problems: problemsOf(collection, d) })),
      total: cloud.store.docs(collection).length,
    });
  }
  if (method === 'GET' && id) {
    const doc = cloud.store.get(collection, id);
    if (!doc) return sendJson(res, 404, { error: `no document ${collection}/${id}` });
    return sendJson(res, 200, { text: toText(doc), problems: problemsOf(collection, doc) });
  }
  if (method === 'DELETE' && id) {
    cloud.store.put(collection, id, null);
    return sendJson(res, 200, { deleted: true });
  }
  if (method === 'PUT' || method === 'POST') {
    let doc: Doc;
    try {
      const parsed = EJSON.parse(await readBody(req), { relaxed: true });
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('a document must be a JSON object');
      doc = parsed as Doc;
    } catch (err) {
      return sendJson(res, 400, { error: `not a JSON document: ${(err as Error).message}` });
    }
    const docId = id ?? (doc._id !== undefined ? String(doc._id) : cloud.store.newId());
    doc._id = docId;
    if (method === 'POST' && cloud.store.get(collection, docId)) return sendJson(res, 409, { error: `${collection}/${docId} already exists` });
    const problems = problemsOf(collection, doc);
    // The CloudBase console saves whatever ops type; so can this one ("save anyway"), which is
    // how the malformed-document scenarios are reproduced by hand.
    if (problems.length > 0 && url.searchParams.get('force') !== '1') return sendJson(res, 422, { problems });
    cloud.store.put(collection, docId, doc);
    return sendJson(res, 200, { saved: true, id: docId, problems });
  }
  sendJson(res, 405, { error: `${method} not allowed here` });
}
