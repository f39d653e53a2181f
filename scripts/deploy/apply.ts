/**
 * Applies a resolved deploy plan to a CloudBase environment through @cloudbase/manager-node,
 * CloudBase's own programmable deploy tooling (the `tcb` CLI is built on it). Idempotent: what
 * exists and matches is left alone, so a deploy can be re-run after a failure.
 *
 *   collections  database.createCollectionIfNotExists (DescribeTable, CreateTable)
 *   indexes      database.describeCollection, then updateCollection (UpdateTable) with
 *                CreateIndexes for missing ones; an index whose keys changed is dropped first
 *   rules        commonService().call ModifyDatabaseACL (the manager's documented way)
 *   functions    functions.createFunction({ force: true, deployMode: 'zip' }): creates, or
 *                updates code (the bundle folder, zipped) and configuration incl. env variables
 *   triggers     functions.getFunctionDetail, then createFunctionTriggers for missing ones; a
 *                trigger whose cron changed is deleted first
 * Indexes, triggers and functions the plan does not name are reported, never removed.
 */
import { join } from 'node:path';
import type CloudBase from '@cloudbase/manager-node';
import type { DeployPlan, PlannedIndex } from './plan';

type Log = (line: string) => void;

/** SCF reports a timer's cron either plain or as `{"cron": "..."}`. */
function cronOf(triggerDesc: string): string {
  try {
    const parsed: unknown = JSON.parse(triggerDesc);
    if (parsed && typeof parsed === 'object' && 'cron' in parsed) return String((parsed as { cron: unknown }).cron);
  } catch {
    // a plain cron string
  }
  return triggerDesc;
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

const toCreateIndex = (i: PlannedIndex) => ({
  IndexName: i.name,
  MgoKeySchema: { MgoIndexKeys: i.keys.map((k) => ({ Name: k, Direction: '1' })), MgoIsUnique: false },
});

async function applyCollections(plan: DeployPlan, manager: CloudBase, log: Log): Promise<void> {
  for (const c of plan.collections) {
    const r = await manager.database.createCollectionIfNotExists(c);
    log(`collection ${c}: ${r.IsCreated ? 'created' : 'exists'}`);
  }
}

async function applyIndexes(plan: DeployPlan, manager: CloudBase, log: Log): Promise<void> {
  const byCollection = new Map<string, PlannedIndex[]>();
  for (const i of plan.indexes) byCollection.set(i.collection, [...(byCollection.get(i.collection) ?? []), i]);
  for (const [collection, planned] of byCollection) {
    const { Indexes = [] } = await manager.database.describeCollection(collection);
    const current = new Map(Indexes.map((x) => [x.Name, x.Keys.map((k) => k.Name ?? '')]));
    const changed = planned.filter((i) => current.has(i.name) && !sameKeys(current.get(i.name)!, i.keys));
    const create = planned.filter((i) => !current.has(i.name) || changed.includes(i));
    if (changed.length) await manager.database.updateCollection(collection, { DropIndexes: changed.map((i) => ({ IndexName: i.name })) });
    if (create.length) await manager.database.updateCollection(collection, { CreateIndexes: create.map(toCreateIndex) });
    for (const i of planned) log(`index ${collection}.${i.name}: ${changed.includes(i) ? 'recreated' : create.includes(i) ? 'created' : 'exists'}`);
    const extra = [...current.keys()].filter((n) => n !== '_id_' && !planned.some((i) => i.name === n));
    if (extra.length) log(`index ${collection}: not in indexes.json, left alone: ${extra.join(', ')}`);
  }
}

async function applyRules(plan: DeployPlan, manager: CloudBase, log: Log): Promise<void> {
  for (const r of plan.rules) {
    await manager.commonService().call({ Action: 'ModifyDatabaseACL', Param: { EnvId: plan.envId, CollectionName: r.collection, AclTag: r.aclTag } });
    log(`rule ${r.collection}: ${r.aclTag}`);
  }
}

async function applyFunctions(plan: DeployPlan, manager: CloudBase, root: string, log: Log): Promise<void> {
  for (const f of plan.functions) {
    await manager.functions.createFunction({
      func: {
        name: f.name,
        runtime: f.runtime,
        timeout: f.timeout,
        memorySize: f.memorySize,
        installDependency: f.installDependency,
        envVariables: f.envVariables,
      },
      functionPath: join(root, f.bundleDir),
      deployMode: 'zip',
      force: true,
    });
    log(`function ${f.name}: deployed from ${f.bundleDir}`);
  }
}

async function applyTriggers(plan: DeployPlan, manager: CloudBase, log: Log): Promise<void> {
  for (const t of plan.triggers) {
    const { Triggers = [] } = await manager.functions.getFunctionDetail(t.functionName);
    const current = Triggers.find((x) => x.TriggerName === t.name);
    if (current && cronOf(current.TriggerDesc) === t.config) {
      log(`trigger ${t.functionName}.${t.name}: exists`);
      continue;
    }
    if (current) await manager.functions.deleteFunctionTrigger(t.functionName, t.name);
    await manager.functions.createFunctionTriggers(t.functionName, [{ name: t.name, type: t.type, config: t.config }]);
    log(`trigger ${t.functionName}.${t.name}: ${current ? 'recreated' : 'created'} "${t.config}"`);
  }
}

/** Applies every part of the plan in dependency order: data first, then the code that uses it. */
export async function applyPlan(plan: DeployPlan, manager: CloudBase, options: { root: string; log: Log }): Promise<void> {
  await applyCollections(plan, manager, options.log);
  await applyIndexes(plan, manager, options.log);
  await applyRules(plan, manager, options.log);
  await applyFunctions(plan, manager, options.root, options.log);
  await applyTriggers(plan, manager, options.log);
}
