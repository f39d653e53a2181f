/**
 * Records what the real @cloudbase/node-sdk sends for every WeChat-side call the local cloud
 * serves, and what it gets back, into emulator/wire-samples/*.json. Refresh after an SDK upgrade:
 *   npx tsx emulator/wire-samples/capture.ts
 * A recording proxy sits between the SDK and an in-memory local cloud; storage upload URLs point
 * at the proxy too, so the PUT of the bytes is recorded. Volatile headers (signatures, timestamps)
 * are left out; ids and nonces differ from run to run.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cloudbase from '@cloudbase/node-sdk';
import { LocalCloud } from '../cloud';
import { LOCAL_SUB_MCH_ID } from '../wechat/merchant';
import { CALLBACK_FN, FIXTURE_FUNCTIONS } from '../wechat/testing';

interface Exchange {
  request: { method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

const KEEP_HEADERS = ['content-type', 'content-length', 'x-tcb-source', 'user-agent', 'x-sdk-version', 'x-cos-meta-fileid', 'key', 'etag'];

function headersOf(h: http.IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(KEEP_HEADERS.filter((k) => h[k] !== undefined).map((k) => [k, String(h[k])]));
}

/** JSON as JSON; multipart as its fields; anything else as text or a byte summary. */
async function describeBody(contentType: string, bytes: Buffer): Promise<unknown> {
  if (bytes.length === 0) return '';
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    const fields: Record<string, unknown> = {};
    form.forEach((value, key) => {
      fields[key] = typeof value === 'string' ? value : `<file ${value.size} bytes>`;
    });
    return { multipart: fields };
  }
  const text = bytes.toString('utf8');
  if (contentType.includes('json') || /^[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // not JSON after all
    }
  }
  const printable = /^[\x09\x0a\x0d\x20-\x7e\u00a0-\uffff]*$/.test(text) && !text.includes('\ufffd');
  return printable ? text : `<${bytes.length} bytes, starting ${bytes.subarray(0, 8).toString('hex')}>`;
}

const read = (stream: http.IncomingMessage) =>
  new Promise<Buffer>((ok, fail) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => ok(Buffer.concat(chunks)));
    stream.on('error', fail);
  });

async function main(): Promise<void> {
  const cloud = new LocalCloud({ functionsDir: FIXTURE_FUNCTIONS });
  const target = new URL(await cloud.start());
  await cloud.db.handle('database.addCollection', { collectionName: 'fixture_callbacks' }, undefined);
  let log: Exchange[] = [];
  const proxy = http.createServer(async (req, res) => {
    const body = await read(req);
    const upstream = await new Promise<http.IncomingMessage>((ok, fail) => {
      const r = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, ok);
      r.on('error', fail);
      r.end(body);
    });
    const replyBytes = await read(upstream);
    const url = new URL(req.url ?? '/', 'http://proxy');
    log.push({
      request: { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: headersOf(req.headers), body: await describeBody(String(req.headers['content-type'] ?? ''), body) },
      response: { status: upstream.statusCode ?? 0, headers: headersOf(upstream.headers), body: await describeBody(String(upstream.headers['content-type'] ?? ''), replyBytes) },
    });
    res.writeHead(upstream.statusCode ?? 500, upstream.headers);
    res.end(replyBytes);
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  cloud.url = proxyUrl; // storage upload and temp URLs now point at the proxy as well
  const app = cloudbase.init({ env: 'local', serviceUrl: `${proxyUrl}/admin`, secretId: 'local', secretKey: 'local' });

  const samples: Record<string, Record<string, Exchange[]>> = { 'wx-pay-api': {}, 'wx-open-api': {}, storage: {} };
  const record = async (file: string, name: string, call: () => Promise<unknown>) => {
    log = [];
    await call();
    samples[file][name] = log;
  };
  const payFields = (apiName: string, fields: Record<string, unknown>) => () => app.callWxPayApi({ apiName, requestData: Buffer.from(JSON.stringify(fields)) });
  const order = { functionName: CALLBACK_FN, envId: 'local', subMchId: LOCAL_SUB_MCH_ID, nonceStr: 'n0nce', body: '随行杯', totalFee: 9900, spbillCreateIp: '127.0.0.1', subOpenid: 'o_cust_1' };
  const snake = { sub_mch_id: LOCAL_SUB_MCH_ID, nonce_str: 'n0nce' };

  await record('wx-pay-api', 'cloudPay.unifiedOrder', payFields('cloudPay.unifiedOrder', { ...order, outTradeNo: 'SAMPLE1' }));
  await record('wx-pay-api', 'cloudPay.unifiedOrder refused (same outTradeNo, other amount)', payFields('cloudPay.unifiedOrder', { ...order, outTradeNo: 'SAMPLE1', totalFee: 1 }));
  await record('wx-pay-api', 'cloudPay.queryOrder NOTPAY', payFields('cloudPay.queryOrder', { ...snake, out_trade_no: 'SAMPLE1' }));
  await cloud.wechat.control('cashier', 'POST', { outTradeNo: 'SAMPLE1', outcome: 'pay' });
  await record('wx-pay-api', 'cloudPay.queryOrder SUCCESS', payFields('cloudPay.queryOrder', { ...snake, out_trade_no: 'SAMPLE1' }));
  await record('wx-pay-api', 'cloudPay.refund', payFields('cloudPay.refund', { ...snake, functionName: CALLBACK_FN, envId: 'local', out_trade_no: 'SAMPLE1', out_refund_no: 'SAMPLE1-R1', total_fee: 9900, refund_fee: 3300 }));
  await record('wx-pay-api', 'cloudPay.queryRefund PROCESSING', payFields('cloudPay.queryRefund', { ...snake, out_refund_no: 'SAMPLE1-R1' }));
  await cloud.wechat.deliver(true);
  await record('wx-pay-api', 'cloudPay.queryRefund SUCCESS', payFields('cloudPay.queryRefund', { ...snake, out_refund_no: 'SAMPLE1-R1' }));
  await app.callWxPayApi({ apiName: 'cloudPay.unifiedOrder', requestData: Buffer.from(JSON.stringify({ ...order, outTradeNo: 'SAMPLE2' })) });
  await record('wx-pay-api', 'cloudPay.closeOrder', payFields('cloudPay.closeOrder', { ...snake, out_trade_no: 'SAMPLE2' }));
  await record('wx-pay-api', 'unknown apiName (the SDK throws the code)', () => payFields('cloudPay.nope', snake)().catch((e: unknown) => e));

  await record('wx-open-api', 'wx.api wxacode.getUnlimited', () => app.callWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: { scene: 'aZ3kP9qW', page: 'pages/landing/index', width: 280 } }));
  await record('wx-open-api', 'wx.api wxacode.getUnlimited 40169', () => app.callWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: { scene: 'x'.repeat(33) } }));
  await record('wx-open-api', 'wx.openApi wxacode.getUnlimited (multipart, raw PNG)', () =>
    app.callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: Buffer.from(JSON.stringify({ scene: 'aZ3kP9qW', page: 'pages/landing/index', width: 280 })) }),
  );
  const message = { touser: 'o_cust_1', template_id: 'tmpl_refund_done', page: 'pages/orders/index', data: { character_string1: { value: 'LS001' }, amount2: { value: '¥33.00' }, thing3: { value: '拼团未成团' } } };
  await record('wx-open-api', 'wx.api subscribeMessage.send', () => app.callWxOpenApi({ apiName: 'subscribeMessage.send', requestData: message }));
  await record('wx-open-api', 'wx.api subscribeMessage.send 47003', () => app.callWxOpenApi({ apiName: 'subscribeMessage.send', requestData: { ...message, data: { ...message.data, thing3: { value: '这是一段超过二十个字的退款原因说明文字会被拒绝' } } } }));
  await record('wx-open-api', 'wx.api unknown API', () => app.callWxOpenApi({ apiName: 'wxa.unknown', requestData: {} }));

  let fileID = '';
  await record('storage', 'uploadFile (getUploadMetadata, then PUT)', async () => {
    fileID = (await app.uploadFile({ cloudPath: 'materials/hello.txt', fileContent: Buffer.from('你好, LinkShelf') })).fileID;
  });
  await record('storage', 'getTempFileURL', () => app.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }, 'cloud://local.6c6f-local-1300000000/none.txt'] }));
  await record('storage', 'downloadFile (temp URL, then GET)', () => app.downloadFile({ fileID }));
  await record('storage', 'deleteFile', () => app.deleteFile({ fileList: [fileID] }));

  const callbacks = cloud.wechat.callbacks.list().map((c) => ({
    delivered: `functions.invoke('${c.functionName}', event, openid '', TCB_SOURCE 'wx_paycallback')`,
    kind: c.kind,
    event: c.event,
    replies: c.history.map((h) => h.reply),
  }));
  const dir = __dirname;
  for (const [file, content] of Object.entries(samples)) writeFileSync(join(dir, `${file}.json`), JSON.stringify(content, null, 2) + '\n');
  writeFileSync(join(dir, 'pay-callbacks.json'), JSON.stringify(callbacks, null, 2) + '\n');
  proxy.close();
  await cloud.stop();
  console.log(`wrote ${Object.keys(samples).length + 1} sample files to ${dir}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
