/**
 * Runs one benchmark in this process and writes bench/results/<name>.json.
 *   node --import tsx bench/run-one.ts <name>
 * Exit code: 0 when every budget passed, 1 when one was missed, 2 when the benchmark crashed.
 */
import { startTestCloud, type TestCloud } from '../emulator/testing';
import { budget, printBudgets, writeResult, type BenchResult, type Budget } from './lib';

export interface Bench {
  title: string;
  run(): Promise<{ figures: Record<string, unknown>; budgets: Budget[] }>;
}

/** A benchmark on a fresh in-memory local cloud: `measure` pushes its budgets and returns its figures; the cloud always closes. */
export function cloudBench(title: string, measure: (cloud: TestCloud, budgets: Budget[]) => Promise<Record<string, unknown>>): Bench {
  return {
    title,
    async run() {
      const cloud = await startTestCloud();
      const budgets: Budget[] = [];
      try {
        return { figures: await measure(cloud, budgets), budgets };
      } finally {
        await cloud.close();
      }
    },
  };
}

/** Process warnings, counted by kind (the runner starts Node with --no-warnings; one line each here). */
const warnings = new Map<string, number>();
process.on('warning', (w) => {
  const key = `${w.name}: ${w.message.replace(/\d+/g, 'N')}`;
  if (!warnings.has(key)) console.error(`(warning, shown once) ${w.name}: ${w.message}`);
  warnings.set(key, (warnings.get(key) ?? 0) + 1);
});

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9-]+$/.test(name)) {
    console.error('usage: node --import tsx bench/run-one.ts <name>');
    process.exit(2);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(`./${name}`) as { bench: Bench };
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  let result: BenchResult;
  try {
    const { figures, budgets } = await mod.bench.run();
    // The Node flags it ran with (scripts/bench.mjs passes the local cloud's, emulator/node-flags.json).
    result = { name, title: mod.bench.title, startedAt, durationMs: Date.now() - t0, figures: { ...figures, nodeFlags: process.execArgv }, budgets, pass: budgets.every((b) => b.pass) };
  } catch (err) {
    const message = String((err as Error)?.stack ?? err);
    console.error(message);
    result = {
      name,
      title: mod.bench.title,
      startedAt,
      durationMs: Date.now() - t0,
      figures: {},
      budgets: [budget('benchmark ran to the end', 0, '==', 1, '', message.split('\n')[0])],
      pass: false,
      error: message,
    };
  }
  console.log(`\n[${name}] ${result.title} — ${(result.durationMs / 1000).toFixed(1)} s`);
  printBudgets(result.budgets);
  const file = writeResult(result);
  console.log(`  results: ${file}`);
  process.exit(result.error ? 2 : result.pass ? 0 : 1);
}

void main();
