/**
 * npm run deploy [-- --dry-run]
 * Provisions a CloudBase environment from the repo's manifests: collections, indexes, security
 * rules, functions (the esbuild bundles of `npm run build:functions`, rebuilt first), their
 * environment variables and timer triggers. `--dry-run` prints the plan and touches nothing.
 * A real run needs CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY (optionally
 * TENCENTCLOUD_SESSIONTOKEN for temporary keys) and every `{{env.NAME}}` that cloudbaserc.json uses.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import CloudBase from '@cloudbase/manager-node';
import { applyPlan } from './apply';
import { loadPlan } from './manifests';
import { formatPlan, resolvePlan } from './plan';

const ROOT = join(__dirname, '..', '..');
const CREDENTIALS = ['CLOUDBASE_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'];

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const plan = loadPlan(ROOT);
  if (argv.includes('--dry-run')) {
    console.log(formatPlan(plan));
    console.log('\ndry run: nothing was changed');
    return 0;
  }
  const resolved = resolvePlan(plan, env);
  const missing = [...new Set([...CREDENTIALS.filter((n) => !env[n]), ...resolved.missing])];
  if (missing.length || !('plan' in resolved)) {
    console.error(`npm run deploy needs ${missing.join(', ')} in the environment; nothing was changed.`);
    console.error('See README.md, "Deploying to CloudBase" (and `npm run deploy -- --dry-run` for the plan).');
    return 2;
  }
  const build = spawnSync('npm', ['run', 'build:functions', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;
  const manager = new CloudBase({
    envId: resolved.plan.envId,
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
    token: env.TENCENTCLOUD_SESSIONTOKEN || undefined,
  });
  console.log(formatPlan(plan));
  console.log(`\ndeploying to ${resolved.plan.envId}`);
  await applyPlan(resolved.plan, manager, { root: ROOT, log: (line) => console.log(`  ${line}`) });
  console.log('deployed');
  return 0;
}

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('deploy failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
