/**
 * Client-side database access with security rules: a local stand-in for the mini-program's
 * `wx.cloud.database()` (which talks to WeChat's backend, not the /admin endpoint), so the rules
 * shipped in database/security-rules.json are enforced and tested. LinkShelf's app reads
 * through functions only; this exists to prove that no client can touch money, stock or ledgers.
 *
 *   POST /client/database  {collection, op: get|count|add|update|remove, query?, data?, limit?}
 *   caller: header x-wx-openid. Denied → HTTP 403 {code: 'DATABASE_PERMISSION_DENIED'}.
 */
import type http from 'node:http';
import { EJSON } from 'bson';
import { find, update as applyUpdate } from 'mingo';
import type { AclTag, DeployPlan } from '../scripts/deploy/plan';
import type { LocalCloudApi as LocalCloud } from './cloud-api';
import { clone, type Doc } from './ejson';
import { readBody, sendJson } from './http-util';

export type Mode = AclTag;
const CLIENT_LIMIT = 20; // the client SDK's maximum page

/** Mode per collection, as the deploy plan sets them (from database/security-rules.json). */
export function rulesOf(plan: DeployPlan): Record<string, Mode> {
  return Object.fromEntries(plan.rules.map((r) => [r.collection, r.aclTag]));
}

/** May `openid` do `op` on documents matched by `query` in a collection with `mode`? */
export function allowed(mode: Mode, op: string, openid: string, query: Record<string, unknown>): boolean {
  if (!openid) return false;
  const read = op === 'get' || op === 'count';
  const ownQuery = query._openid === openid;
  switch (mode) {
    case 'ADMINONLY':
      return false;
    case 'ADMINWRITE':
      return read;
    case 'READONLY':
      return read || op === 'add' || ownQuery;
    case 'PRIVATE':
      // As in CloudBase, the query itself must prove ownership (a subset of the rule).
      return op === 'add' || ownQuery;
  }
}

export async function clientDatabase(cloud: LocalCloud, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const openid = String(req.headers['x-wx-openid'] ?? '').trim();
  let body: { collection?: unknown; op?: unknown; query?: unknown; data?: unknown; limit?: unknown };
  try {
    body = EJSON.parse(await readBody(req), { relaxed: true }) as typeof body;
  } catch {
    return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'body must be JSON' });
  }
  const collection = String(body.collection ?? '');
  const op = String(body.op ?? '');
  const query = (body.query && typeof body.query === 'object' ? body.query : {}) as Record<string, unknown>;
  const mode = cloud.rules[collection];
  if (!mode || !cloud.store.hasCollection(collection)) return sendJson(res, 404, { code: 'DATABASE_COLLECTION_NOT_EXIST', message: `no collection ${collection}` });
  if (!['get', 'count', 'add', 'update', 'remove'].includes(op)) return sendJson(res, 400, { code: 'INVALID_PARAM', message: `unknown op ${op}` });
  if (!allowed(mode, op, openid, query)) {
    return sendJson(res, 403, { code: 'DATABASE_PERMISSION_DENIED', message: `${op} on ${collection} is not allowed for this user (${mode})` });
  }
  const matched = () => find(cloud.store.docs(collection), query).all() as Doc[];
  if (op === 'get') {
    const limit = Math.min(Number(body.limit ?? CLIENT_LIMIT), CLIENT_LIMIT);
    return sendJson(res, 200, { data: JSON.parse(EJSON.stringify(matched().slice(0, limit), { relaxed: true })) });
  }
  if (op === 'count') return sendJson(res, 200, { total: matched().length });
  if (op === 'add') {
    const data = (body.data && typeof body.data === 'object' ? body.data : {}) as Doc;
    const id = data._id !== undefined ? String(data._id) : cloud.store.newId();
    if (cloud.store.get(collection, id)) return sendJson(res, 409, { code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate _id' });
    cloud.store.put(collection, id, { ...clone(data), _id: id, _openid: openid });
    return sendJson(res, 200, { _id: id });
  }
  const docs = matched();
  if (op === 'remove') {
    for (const d of docs) cloud.store.put(collection, String(d._id), null);
    return sendJson(res, 200, { deleted: docs.length });
  }
  const data = (body.data && typeof body.data === 'object' ? body.data : {}) as Record<string, unknown>;
  if ('_openid' in data || '_id' in data) return sendJson(res, 400, { code: 'INVALID_PARAM', message: '_id and _openid cannot be changed' });
  for (const d of docs) {
    const next = clone(d);
    applyUpdate(next, { $set: data });
    cloud.store.put(collection, String(d._id), next);
  }
  return sendJson(res, 200, { updated: docs.length });
}
