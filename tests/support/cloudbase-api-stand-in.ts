/**
 * A stand-in for the Tencent Cloud API actions that `npm run deploy` makes through
 * @cloudbase/manager-node (services tcb and scf), on 127.0.0.1, keeping just enough state to check
 * what a deploy leaves behind. Test support only: it answers the shapes the manager reads
 * (`{Response: {..., RequestId}}`, errors as `{Response: {Error: {Code, Message}}}`), checks no
 * signature, and fails loudly on any action it does not know.
 *
 * The manager calls https://<service>.tencentcloudapi.com; `routeHttpsToStandIn` swaps Node's
 * global https agent for one whose connections go to this server in plain HTTP (the Host header
 * still names the service), so nothing leaves the machine and the manager code runs unchanged.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface StandInCall {
  service: string;
  action: string;
  authorization: string;
  token: string | undefined;
  body: Record<string, unknown>;
}

interface StandInFunction {
  config: Record<string, unknown>;
  zip: Buffer;
  triggers: Map<string, string>;
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class CloudBaseApiStandIn {
  readonly tables = new Map<string, Map<string, string[]>>();
  readonly acl = new Map<string, string>();
  readonly functions = new Map<string, StandInFunction>();
  readonly calls: StandInCall[] = [];
  private server: http.Server | undefined;
  private port = 0;

  constructor(private envId: string) {}

  actions(service?: string): string[] {
    return this.calls.filter((c) => !service || c.service === service).map((c) => c.action);
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const service = String(req.headers.host ?? '').split('.')[0];
        const action = String(req.headers['x-tc-action'] ?? '');
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        const token = req.headers['x-tc-token'] as string | undefined;
        this.calls.push({ service, action, authorization: String(req.headers.authorization ?? ''), token, body });
        let response: Record<string, unknown>;
        try {
          response = this.handle(service, action, body);
        } catch (err) {
          const e = err as ApiError;
          response = { Error: { Code: e.code ?? 'InternalError', Message: e.message } };
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Response: { ...response, RequestId: `req-${this.calls.length}` } }));
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Routes every https request of this process to the stand-in; returns the undo. */
  routeHttpsToStandIn(): () => void {
    const port = this.port;
    class LoopbackAgent extends https.Agent {
      override createConnection(): net.Socket {
        return net.connect(port, '127.0.0.1');
      }
    }
    const original = https.globalAgent;
    https.globalAgent = new LoopbackAgent({ keepAlive: false });
    return () => {
      https.globalAgent.destroy();
      https.globalAgent = original;
    };
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  private table(name: unknown): Map<string, string[]> {
    const t = this.tables.get(String(name));
    if (!t) throw new ApiError('ResourceNotFound', `table ${String(name)} not found`);
    return t;
  }

  private fn(name: unknown): StandInFunction {
    const f = this.functions.get(String(name));
    if (!f) throw new ApiError('ResourceNotFound.Function', `function ${String(name)} not found`);
    return f;
  }

  private handle(service: string, action: string, b: Record<string, unknown>): Record<string, unknown> {
    switch (`${service}.${action}`) {
      case 'tcb.DescribeEnvInfo':
        return {
          EnvInfo: {
            EnvBaseInfo: { EnvId: this.envId, Status: 'NORMAL', Databases: [{ InstanceId: 'tnt-standin' }], Functions: [{ Namespace: this.envId }], Storages: [], LogServices: [] },
          },
        };
      case 'tcb.DescribeTable': {
        const t = this.table(b.TableName);
        const Indexes = [...t].map(([Name, keys]) => ({ Name, Keys: keys.map((k) => ({ Name: k, Direction: '1' })), Unique: false }));
        return { Indexes, IndexNum: Indexes.length };
      }
      case 'tcb.CreateTable':
        if (this.tables.has(String(b.TableName))) throw new ApiError('ResourceInUse', 'table exists');
        this.tables.set(String(b.TableName), new Map([['_id_', ['_id']]]));
        return {};
      case 'tcb.UpdateTable': {
        const t = this.table(b.TableName);
        for (const d of (b.DropIndexes as Array<{ IndexName: string }> | undefined) ?? []) t.delete(d.IndexName);
        for (const c of (b.CreateIndexes as Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string }> } }> | undefined) ?? []) {
          if (t.has(c.IndexName)) throw new ApiError('ResourceInUse', `index ${c.IndexName} exists`);
          t.set(c.IndexName, c.MgoKeySchema.MgoIndexKeys.map((k) => k.Name));
        }
        return {};
      }
      case 'tcb.ModifyDatabaseACL':
        if (b.EnvId !== this.envId) throw new ApiError('InvalidParameter', `unknown env ${String(b.EnvId)}`);
        this.table(b.CollectionName);
        this.acl.set(String(b.CollectionName), String(b.AclTag));
        return {};
      case 'scf.CreateFunction': {
        if (this.functions.has(String(b.FunctionName))) throw new ApiError('ResourceInUse.FunctionName', 'function exists');
        const { Code, ...config } = b;
        this.functions.set(String(b.FunctionName), { config, zip: Buffer.from(String((Code as { ZipFile?: string }).ZipFile ?? ''), 'base64'), triggers: new Map() });
        return {};
      }
      case 'scf.GetFunction': {
        const f = this.fn(b.FunctionName);
        const Triggers = [...f.triggers].map(([TriggerName, cron]) => ({ TriggerName, Type: 'timer', TriggerDesc: JSON.stringify({ cron }) }));
        return { ...f.config, FunctionName: b.FunctionName, Status: 'Active', Triggers };
      }
      case 'scf.UpdateFunctionCode': {
        const f = this.fn(b.FunctionName);
        f.zip = Buffer.from(String((b.Code as { ZipFile?: string } | undefined)?.ZipFile ?? b.ZipFile ?? ''), 'base64');
        return {};
      }
      case 'scf.UpdateFunctionConfiguration': {
        const f = this.fn(b.FunctionName);
        f.config = { ...f.config, ...b };
        return {};
      }
      case 'scf.BatchCreateTrigger': {
        const f = this.fn(b.FunctionName);
        for (const t of JSON.parse(String(b.Triggers)) as Array<{ TriggerName: string; TriggerDesc: string }>) {
          if (f.triggers.has(t.TriggerName)) throw new ApiError('ResourceInUse.Trigger', `trigger ${t.TriggerName} exists`);
          f.triggers.set(t.TriggerName, t.TriggerDesc);
        }
        return {};
      }
      case 'scf.DeleteTrigger':
        this.fn(b.FunctionName).triggers.delete(String(b.TriggerName));
        return {};
      default:
        throw new ApiError('UnsupportedOperation', `the stand-in does not know ${service}.${action}`);
    }
  }
}
