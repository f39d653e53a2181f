/**
 * The deploy plan: everything a CloudBase environment needs for LinkShelf, built from the repo's
 * manifests (database/collections.json, indexes.json, security-rules.json, cloudbaserc.json).
 * Pure: no I/O (manifests.ts reads the files). One plan serves three readers: `npm run deploy`
 * applies it to CloudBase (apply.ts), `--dry-run` prints it, and the local cloud provisions its
 * collections, indexes and rules from it — so the local cloud has exactly what a deploy creates.
 */

/** CloudBase's simple permission modes for client-side (mini-program) database access. */
export const ACL_TAGS = ['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY'] as const;
export type AclTag = (typeof ACL_TAGS)[number];

/** The manifests as parsed JSON, plus the function folders found in cloudfunctions/. */
export interface Manifests {
  collections: { collections: string[] };
  indexes: { scanOk?: string[]; indexes: Record<string, Array<{ name: string; keys: string[] }>> };
  rules: { rules: Record<string, string> };
  rc: CloudbaseRc;
  /** Names of cloudfunctions/<name>/index.ts folders (not `_shared` ones). */
  functionSources: string[];
}

/** The parts of cloudbaserc.json (the CloudBase CLI's format) that LinkShelf uses. */
export interface CloudbaseRc {
  envId: string;
  functionRoot: string;
  functions: Array<{
    name: string;
    timeout: number;
    memorySize: number;
    runtime: string;
    installDependency?: boolean;
    envVariables?: Record<string, string>;
    triggers?: Array<{ name: string; type: string; config: string }>;
  }>;
}

export interface PlannedIndex {
  collection: string;
  name: string;
  /** Ascending keys, in order. */
  keys: string[];
}

export interface PlannedRule {
  collection: string;
  aclTag: AclTag;
}

export interface PlannedFunction {
  name: string;
  timeout: number;
  memorySize: number;
  runtime: string;
  installDependency: boolean;
  /** Values may hold `{{env.NAME}}` placeholders, filled from the deploying shell. */
  envVariables: Record<string, string>;
  /** The esbuild bundle folder (`npm run build:functions`), relative to the repo root. */
  bundleDir: string;
}

export interface PlannedTrigger {
  functionName: string;
  name: string;
  type: 'timer';
  /** CloudBase's 7-field cron: second minute hour day month weekday year. */
  config: string;
}

export interface DeployPlan {
  /** May be a `{{env.NAME}}` placeholder (cloudbaserc.json's own syntax). */
  envId: string;
  collections: string[];
  indexes: PlannedIndex[];
  /** Small ops-edited collections that queries may read whole (emulator/indexes.ts). */
  scanOk: string[];
  rules: PlannedRule[];
  functions: PlannedFunction[];
  triggers: PlannedTrigger[];
}

const PLACEHOLDER = /\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function isAclTag(value: string): value is AclTag {
  return (ACL_TAGS as readonly string[]).includes(value);
}

function duplicates(names: string[]): string[] {
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

/**
 * Builds the plan and checks the manifests against each other; throws one error listing every
 * problem (an index or rule on an undeclared collection, a collection without a rule, a function
 * folder that cloudbaserc.json does not declare, a trigger the platform would refuse, ...).
 */
export function buildPlan(m: Manifests): DeployPlan {
  const problems: string[] = [];
  const collections = [...m.collections.collections];
  const declared = new Set(collections);
  for (const d of duplicates(collections)) problems.push(`collections.json: "${d}" is listed twice`);

  const indexes: PlannedIndex[] = [];
  for (const [collection, specs] of Object.entries(m.indexes.indexes)) {
    if (!declared.has(collection)) problems.push(`indexes.json: "${collection}" is not in collections.json`);
    for (const d of duplicates(specs.map((s) => s.name))) problems.push(`indexes.json: ${collection} has two indexes named "${d}"`);
    for (const spec of specs) {
      if (spec.keys.length === 0) problems.push(`indexes.json: ${collection}.${spec.name} has no keys`);
      indexes.push({ collection, name: spec.name, keys: [...spec.keys] });
    }
  }
  const scanOk = [...(m.indexes.scanOk ?? [])];
  for (const c of scanOk) if (!declared.has(c)) problems.push(`indexes.json: scanOk "${c}" is not in collections.json`);

  const rules: PlannedRule[] = [];
  for (const [collection, tag] of Object.entries(m.rules.rules)) {
    if (!declared.has(collection)) problems.push(`security-rules.json: "${collection}" is not in collections.json`);
    if (!isAclTag(tag)) problems.push(`security-rules.json: ${collection} has unknown mode "${tag}" (${ACL_TAGS.join(' | ')})`);
    else rules.push({ collection, aclTag: tag });
  }
  for (const c of collections) if (!(c in m.rules.rules)) problems.push(`security-rules.json: no rule for "${c}"`);

  const functions: PlannedFunction[] = [];
  const triggers: PlannedTrigger[] = [];
  const root = m.rc.functionRoot.replace(/^\.\//, '').replace(/\/$/, '');
  const names = m.rc.functions.map((f) => f.name);
  for (const d of duplicates(names)) problems.push(`cloudbaserc.json: function "${d}" is declared twice`);
  for (const s of m.functionSources) if (!names.includes(s)) problems.push(`cloudbaserc.json: cloudfunctions/${s} is not declared (it would never be deployed)`);
  for (const f of m.rc.functions) {
    if (!m.functionSources.includes(f.name)) problems.push(`cloudbaserc.json: ${f.name} has no cloudfunctions/${f.name}/index.ts`);
    if (!(f.timeout >= 1 && f.timeout <= 900)) problems.push(`cloudbaserc.json: ${f.name} timeout ${f.timeout} s is outside 1–900`);
    if (!(f.memorySize >= 64 && f.memorySize <= 3072)) problems.push(`cloudbaserc.json: ${f.name} memorySize ${f.memorySize} MB is outside 64–3072`);
    functions.push({
      name: f.name,
      timeout: f.timeout,
      memorySize: f.memorySize,
      runtime: f.runtime,
      installDependency: f.installDependency ?? false,
      envVariables: { ...(f.envVariables ?? {}) },
      bundleDir: `${root}/${f.name}`,
    });
    const own = f.triggers ?? [];
    // platform.md: one timer trigger per function; the manager creates timer triggers only.
    if (own.length > 1) problems.push(`cloudbaserc.json: ${f.name} has ${own.length} triggers (one per function)`);
    for (const t of own) {
      if (t.type !== 'timer') problems.push(`cloudbaserc.json: ${f.name} trigger "${t.name}" has type "${t.type}" (only timer)`);
      else if (t.config.trim().split(/\s+/).length !== 7) problems.push(`cloudbaserc.json: ${f.name} trigger "${t.name}" cron "${t.config}" needs 7 fields`);
      else triggers.push({ functionName: f.name, name: t.name, type: 'timer', config: t.config });
    }
  }

  if (problems.length) throw new Error(`the manifests disagree:\n  ${problems.join('\n  ')}`);
  return { envId: m.rc.envId, collections, indexes, scanOk, rules, functions, triggers };
}

/** Names of the shell variables the plan's `{{env.NAME}}` placeholders need. */
export function placeholdersOf(plan: DeployPlan): string[] {
  const texts = [plan.envId, ...plan.functions.flatMap((f) => Object.values(f.envVariables))];
  return [...new Set(texts.flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((x) => x[1])))].sort();
}

/**
 * Fills every `{{env.NAME}}` placeholder from `env`. Returns the missing names instead of a plan
 * when any is unset, so the deploy can refuse before touching the environment.
 */
export function resolvePlan(plan: DeployPlan, env: Record<string, string | undefined>): { plan: DeployPlan; missing: [] } | { missing: string[] } {
  const missing = placeholdersOf(plan).filter((name) => !env[name]);
  if (missing.length) return { missing };
  const fill = (text: string) => text.replace(PLACEHOLDER, (_all, name: string) => env[name] as string);
  return {
    missing: [],
    plan: {
      ...plan,
      envId: fill(plan.envId),
      functions: plan.functions.map((f) => ({
        ...f,
        envVariables: Object.fromEntries(Object.entries(f.envVariables).map(([k, v]) => [k, fill(v)])),
      })),
    },
  };
}

/** The plan as text, one line per thing it creates (values of placeholders are never printed). */
export function formatPlan(plan: DeployPlan): string {
  const lines = [`environment ${plan.envId}`, `collections (${plan.collections.length})`];
  for (const c of plan.collections) lines.push(`  collection ${c}`);
  lines.push(`indexes (${plan.indexes.length})`);
  for (const i of plan.indexes) lines.push(`  index ${i.collection}.${i.name} (${i.keys.join(', ')})`);
  lines.push(`security rules (${plan.rules.length})`);
  for (const r of plan.rules) lines.push(`  rule ${r.collection} ${r.aclTag}`);
  lines.push(`functions (${plan.functions.length})`);
  for (const f of plan.functions) {
    const vars = Object.entries(f.envVariables).map(([k, v]) => `${k}=${v}`);
    lines.push(`  function ${f.name} ${f.runtime} ${f.memorySize} MB ${f.timeout} s from ${f.bundleDir}${vars.length ? ` env ${vars.join(' ')}` : ''}`);
  }
  lines.push(`triggers (${plan.triggers.length})`);
  for (const t of plan.triggers) lines.push(`  trigger ${t.functionName}.${t.name} ${t.type} "${t.config}"`);
  return lines.join('\n');
}
