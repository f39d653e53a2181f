/**
 * The platform configuration in both worlds. In a CloudBase function the runtime's keys are
 * temporary: they only work with their session token and they are renewed under a warm instance,
 * so the SDK must read all three from the environment on every request. The wire test drives the
 * real SDK (through `_platform/sdk.ts`) in an SCF-like process against a tiny local HTTP server
 * standing in for the endpoint the runtime injects, and reads what the SDK sends.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import cloudbase from '@cloudbase/node-sdk';
import { readConfig } from './config';
import { getDb } from './sdk';

interface Seen {
  url: string;
  authorization: string;
  body: Record<string, unknown>;
}

const TEMP_KEYS = {
  TENCENTCLOUD_SECRETID: 'AKIDtemporaryOne',
  TENCENTCLOUD_SECRETKEY: 'temporary-secret-one',
  TENCENTCLOUD_SESSIONTOKEN: 'session-token-one',
};

/** What a CloudBase (SCF) runtime puts in a function's environment. */
const SCF_ENV = {
  TENCENTCLOUD_RUNENV: 'SCF',
  SCF_NAMESPACE: 'linkshelf-prod-7g2k',
  TCB_ENV: 'linkshelf-prod-7g2k',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  ...TEMP_KEYS,
};

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

describe('readConfig', () => {
  it('in a CloudBase function: the current environment and no keys, so none is frozen', () => {
    const config = readConfig({ ...SCF_ENV });
    expect(config).toEqual({ env: cloudbase.SYMBOL_CURRENT_ENV });
    const text = JSON.stringify(config);
    for (const value of Object.values(TEMP_KEYS)) expect(text).not.toContain(value);
  });

  it('locally: the local cloud serviceUrl wins, even in a process that looks like SCF', () => {
    const config = readConfig({ ...SCF_ENV, CLOUDBASE_SERVICE_URL: 'http://127.0.0.1:9999/admin', CLOUDBASE_ENV_ID: 'local' });
    expect(config).toEqual({ env: 'local', serviceUrl: 'http://127.0.0.1:9999/admin', secretId: 'local', secretKey: 'local' });
  });
});

describe('on the wire, in an SCF-like process', () => {
  let server: http.Server;
  let seen: Seen[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', authorization: String(req.headers.authorization ?? ''), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ requestId: `r${seen.length}`, data: { list: [] }, total: 0, limit: 100, offset: 0 }));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
  beforeEach(() => {
    seen = [];
    const { port } = server.address() as AddressInfo;
    // The runtime injects the endpoint through TCB_CONTEXT_CNFG (the SDK's getServerInjectUrl);
    // here it points at the local stand-in, so no request leaves the machine.
    setEnv({ ...SCF_ENV, CLOUDBASE_SERVICE_URL: undefined, CLOUDBASE_ENV_ID: undefined, TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }) });
  });

  it('every request carries the session token and the current environment; renewed keys are used at once', async () => {
    const orders = () => getDb().collection('orders').where({ status: 'paid' }).get();
    await orders();
    setEnv({ TENCENTCLOUD_SECRETID: 'AKIDtemporaryTwo', TENCENTCLOUD_SECRETKEY: 'temporary-secret-two', TENCENTCLOUD_SESSIONTOKEN: 'session-token-two' });
    await orders();

    expect(seen).toHaveLength(2);
    const [first, second] = seen;
    expect(first.body).toMatchObject({ action: 'database.getDocument', envName: 'linkshelf-prod-7g2k', sessionToken: 'session-token-one' });
    expect(first.url).toContain('env=linkshelf-prod-7g2k');
    expect(first.authorization).toContain('AKIDtemporaryOne');
    expect(second.body).toMatchObject({ envName: 'linkshelf-prod-7g2k', sessionToken: 'session-token-two' });
    expect(second.authorization).toContain('AKIDtemporaryTwo');
  });

  it('why: keys passed to init (the old configuration) are frozen and sent without their token', async () => {
    const app = cloudbase.init({ env: 'linkshelf-prod-7g2k', secretId: SCF_ENV.TENCENTCLOUD_SECRETID, secretKey: SCF_ENV.TENCENTCLOUD_SECRETKEY });
    await app.database().collection('orders').where({ status: 'paid' }).get();
    expect(seen).toHaveLength(1);
    expect(seen[0].body.sessionToken).toBeUndefined();
  });
});
