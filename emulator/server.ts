/**
 * The local cloud's HTTP face:
 *   POST /admin                 the @cloudbase/node-sdk endpoint (database.*, functions.invokeFunction)
 *   POST /functions/<name>      JSON event in, envelope out: a mini-program call (SOURCE wx_client),
 *                               caller = header x-wx-openid (a local stand-in for the identity
 *                               WeChat injects). A call that outlives its
 *                               time limit answers 504 with wx.cloud.callFunction's {errCode, errMsg}
 *   POST /client/database       client-side database access under database/security-rules.json
 *   /_emulator/*                control plane: reset, seed, clock, stats, personas, faults, timers
 *   /console, /_emulator/console/*  the ops console (collections, documents as JSON, validation)
 *   /assets/*                   product images and avatars shipped in the repo
 *   /cashier, /_storage/*, /client/storage/*   WeChat Pay's local cashier, storage objects and
 *                               temp URLs, client-side storage (emulator/wechat, emulator/storage)
 *   /cgi-bin/*                  the Official Account's API that wechat-api calls (emulator/wechat)
 *   POST /client/subscribe      the local wx.requestSubscribeMessage (acceptances; emulator/wechat)
 *   /*                          the h5 build of the mini-program
 */
import http from 'node:http';
import { nextRequestId } from './request-ids';
import { CALL_HEADER } from './call-tracing';
import type { LocalCloudApi as LocalCloud } from './cloud-api';
import { readBody, sendJson } from './http-util';
import { WireError } from './ejson';
import { DbError } from './store';
import { clientDatabase } from './client-db';
import { consoleApi } from './console-api';
import { ReplyLost } from './faults';
import { FunctionTimeoutError } from './functions';
import { serveStatic } from './static';
import { isMultipart } from './wechat/wire';


export function createServer(cloud: LocalCloud): http.Server {
  return http.createServer((req, res) => {
    route(cloud, req, res).catch((err: unknown) => {
      console.error('[local cloud] unhandled error', err);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error in the local cloud' });
      else res.end();
    });
  });
}

async function route(cloud: LocalCloud, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const path = url.pathname;
  res.setHeader('access-control-allow-origin', '*');
  if (req.method === 'OPTIONS') {
    res.setHeader('access-control-allow-headers', 'content-type, x-wx-openid');
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
    res.writeHead(204).end();
    return;
  }
  if (path === '/admin' && req.method === 'POST') return admin(cloud, req, res);
  if (path === '/cashier' && req.method === 'GET') return sendHtml(res, cloud.wechat.cashierHtml(url));
  if (path.startsWith('/_storage/')) return cloud.storage.serveObject(req, res, url);
  if (path.startsWith('/client/storage/')) {
    const reply = await cloud.storage.client(req, path.slice('/client/storage/'.length), url, header(req, 'x-wx-openid'));
    return sendJson(res, reply.status, reply.body);
  }
  if (path === '/client/database' && req.method === 'POST') return clientDatabase(cloud, req, res);
  if (path.startsWith('/cgi-bin/')) {
    const body = req.method === 'POST' ? await readBody(req) : '';
    return sendJson(res, 200, cloud.wechat.officialAccount.handle(req.method ?? 'GET', path.slice('/cgi-bin/'.length), url.searchParams, body));
  }
  if (path === '/client/subscribe' && req.method === 'POST') {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { errCode: 10004, errMsg: 'requestSubscribeMessage:fail the body must be JSON' });
    }
    const reply = cloud.wechat.acceptSubscriptions(header(req, 'x-wx-openid'), body);
    return sendJson(res, reply.status, reply.body);
  }
  if (path.startsWith('/functions/') && req.method === 'POST') return functions(cloud, req, res, decodeURIComponent(path.slice('/functions/'.length)));
  if (path.startsWith('/_emulator/console/')) return consoleApi(cloud, req, res, path.slice('/_emulator/console/'.length), url);
  if (path.startsWith('/_emulator/')) return control(cloud, req, res, path.slice('/_emulator/'.length), url);
  if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(cloud, req, res, path);
  sendJson(res, 404, { error: `no route for ${req.method} ${path}` });
}

/** The SDK endpoint. Replies are always HTTP 200; errors carry `code` (the SDK throws on it). */
async function admin(cloud: LocalCloud, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const requestId = nextRequestId();
  const caller = req.headers[CALL_HEADER];
  if (isMultipart(req)) return cloud.wechat.adminMultipart(req, res, (a) => cloud.stats.op(typeof caller === 'string' ? caller : undefined, a));
  let body: Record<string, unknown>;
  try {
    const parsed = JSON.parse(await readBody(req));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('body must be a JSON object');
    body = parsed as Record<string, unknown>;
  } catch (err) {
    return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: `bad request body: ${(err as Error).message}` });
  }
  const action = String(body.action ?? '');
  const callHeader = req.headers[CALL_HEADER];
  const callId = typeof callHeader === 'string' ? callHeader : undefined;
  // A request that left a call before the call was ended and arrives after: refused, unapplied.
  const refused = cloud.functions.refusal(callId);
  if (refused) return sendJson(res, 200, { requestId, code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', message: `${refused}; the call was ended` });
  // Counted by name: database actions, cloud calls by their API (wx.api), storage and function calls by action.
  cloud.stats.op(callId, action === 'wx.api' && typeof body.apiName === 'string' ? body.apiName : action);
  const delay = cloud.faults.delay();
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  try {
    if (action === 'functions.invokeFunction') {
      const name = String(body.function_name ?? '');
      if (!cloud.functions.has(name)) throw new DbError('FUNCTIONS_NOT_FOUND', `function "${name}" not found`);
      let event: unknown = {};
      try {
        event = body.request_data ? JSON.parse(String(body.request_data)) : {};
      } catch {
        throw new WireError('request_data must be a JSON string');
      }
      // A function's call: SOURCE carries the chain on (`wx_client,scf`), as CloudBase does. The SDK
      // sends `<TCB_SOURCE>,scf` (X-TCB-Source) but reads TCB_SOURCE from process env, which is
      // shared here: the caller's own SOURCE comes from its running call instead.
      const parent = cloud.functions.sourceOf(callId);
      const sent = header(req, 'x-tcb-source');
      const source = parent !== undefined ? `${parent},scf` : sent || 'scf';
      const result = await cloud.functions.invoke(name, event, { kind: 'function', source, callerCallId: callId });
      return sendJson(res, 200, { requestId, data: { response_data: JSON.stringify(result ?? null) } });
    }
    if (action === 'wx.api') return sendJson(res, 200, { requestId, ...(await cloud.wechat.adminJson(body)) });
    if (action.startsWith('storage.')) return sendJson(res, 200, { requestId, ...cloud.storage.admin(action, body) });
    if (action.startsWith('database.')) {
      const reply = await cloud.db.handle(action, body, cloud.stats.label(callId));
      return sendJson(res, 200, { requestId, ...reply });
    }
    throw new DbError('INVALID_ACTION', `the local cloud does not implement ${JSON.stringify(action)}`);
  } catch (err) {
    // The write happened, but the caller hears only that the gateway gave up waiting (as when a
    // timeout and the write cross): the SDK throws on the non-200 status.
    if (err instanceof ReplyLost) return sendJson(res, 504, { message: 'gateway timeout: the backend did not answer in time' });
    if (err instanceof DbError || err instanceof WireError || err instanceof FunctionTimeoutError) {
      return sendJson(res, 200, { requestId, code: err.code, message: err.message });
    }
    console.error('[local cloud] admin action failed', action, err);
    return sendJson(res, 200, { requestId, code: 'SYS_ERR', message: (err as Error).message });
  }
}

async function functions(cloud: LocalCloud, req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
  if (!cloud.functions.has(name)) {
    return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `no function named "${name}"` } });
  }
  let event: unknown;
  try {
    const text = await readBody(req);
    event = JSON.parse(text);
  } catch (err) {
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: `body must be JSON: ${(err as Error).message}` } });
  }
  const openid = header(req, 'x-wx-openid');
  let result: unknown;
  try {
    result = await cloud.functions.invoke(name, event, { kind: 'client', openid });
  } catch (err) {
    if (err instanceof FunctionTimeoutError) return sendJson(res, 504, err.wxError());
    throw err;
  }
  sendJson(res, 200, result);
}

async function control(cloud: LocalCloud, req: http.IncomingMessage, res: http.ServerResponse, what: string, url: URL): Promise<void> {
  const post = req.method === 'POST';
  let body: Record<string, unknown> = {};
  if (post) {
    const text = await readBody(req);
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      return sendJson(res, 400, { error: 'body must be JSON' });
    }
  }
  if (what === 'personas' && !post) return sendJson(res, 200, cloud.personas());
  if (what === 'stats' && !post) return sendJson(res, 200, { ...cloud.stats.snapshot(), instances: cloud.functions.occupancy(), unindexed: cloud.indexes.report() });
  if (what === 'stats/reset' && post) {
    cloud.stats.reset();
    cloud.indexes.reset();
    return sendJson(res, 200, { ok: true });
  }
  if (what === 'reset' && post) {
    await cloud.reset();
    return sendJson(res, 200, { ok: true });
  }
  if (what === 'seed' && post) {
    await cloud.seed({ demo: true });
    return sendJson(res, 200, { ok: true, collections: cloud.counts() });
  }
  if (what === 'clock') {
    if (post) {
      const at = typeof body.now === 'number' ? body.now : Date.parse(String(body.now));
      if (body.advanceMs !== undefined) cloud.clock.advance(Number(body.advanceMs));
      else if (Number.isFinite(at)) cloud.clock.set(at, body.frozen === true);
      else return sendJson(res, 400, { error: 'give {now: ISO string | ms, frozen?} or {advanceMs}' });
    }
    return sendJson(res, 200, { now: new Date(cloud.clock.now()).toISOString(), frozen: cloud.clock.frozen });
  }
  if (what === 'faults') {
    if (post) cloud.faults.configure(body as never);
    return sendJson(res, 200, { config: cloud.faults.current, injected: cloud.faults.injected });
  }
  if (what === 'ties' && post) {
    if (typeof body.seed !== 'number') return sendJson(res, 400, { error: 'give {seed: number}' });
    cloud.db.setTieSeed(body.seed);
    return sendJson(res, 200, { seed: body.seed });
  }
  if (what.startsWith('timers/') && post) {
    const name = what.slice('timers/'.length);
    if (!cloud.functions.has(name)) return sendJson(res, 404, { error: `no function ${name}` });
    try {
      return sendJson(res, 200, await cloud.runTimer(name));
    } catch (err) {
      if (err instanceof FunctionTimeoutError) return sendJson(res, 504, { error: err.message, code: err.code });
      throw err;
    }
  }
  if (what === 'collections' && !post) return sendJson(res, 200, cloud.counts());
  if (what.startsWith('collections/') && !post) {
    const name = decodeURIComponent(what.slice('collections/'.length));
    if (!cloud.store.hasCollection(name)) return sendJson(res, 404, { error: `no collection ${name}` });
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 200), 1000);
    return sendJson(res, 200, cloud.store.snapshot(name).slice(0, limit));
  }
  if (what === 'storage' && !post) return sendJson(res, 200, cloud.storage.listing());
  const wechat = await cloud.wechat.control(what, req.method ?? 'GET', body);
  if (wechat) return sendJson(res, wechat.status, wechat.body);
  sendJson(res, 404, { error: `no control route ${req.method} /_emulator/${what}` });
}

function header(req: http.IncomingMessage, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

function sendHtml(res: http.ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-cache' });
  res.end(html);
}

