/**
 * `npm start` runs this (through scripts/start.mjs, after building the h5 app): the local cloud
 * on 127.0.0.1, persisted under .data/, seeded on first start, serving the h5 app.
 *   PORT (default 8787)   LINKSHELF_DATA (default .data)   LINKSHELF_TIMER_MS (default 60000)
 */
import { join, resolve } from 'node:path';
import { LocalCloud, REPO_ROOT } from './cloud';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const dataDir = resolve(REPO_ROOT, process.env.LINKSHELF_DATA ?? '.data');
  const cloud = new LocalCloud({ dataDir, port, host: '127.0.0.1', timerIntervalMs: Number(process.env.LINKSHELF_TIMER_MS ?? 60_000) });
  try {
    await cloud.start();
  } catch (err) {
    if ((err as { code?: string }).code === 'EADDRINUSE') {
      console.error(`Port ${port} is in use. Start on another one: PORT=8790 npm start`);
      process.exit(1);
    }
    throw err;
  }
  if (cloud.isEmpty()) {
    await cloud.seed({ demo: true });
    console.log(`Seeded the demo data into ${join(dataDir)}`);
  } else {
    console.log(`Loaded saved data from ${dataDir} (reset: POST /_emulator/reset then /_emulator/seed, or delete the folder)`);
  }
  const personas = cloud.personas();
  console.log('');
  console.log(`LinkShelf is running on the local cloud: ${cloud.url}/`);
  console.log(`  open as a customer:     ${cloud.url}/?as=o_cust_1`);
  console.log(`  open as a salesperson:  ${cloud.url}/?as=o_sales_li`);
  console.log(`  open as the boss:       ${cloud.url}/?as=o_boss`);
  console.log(`  ops console:            ${cloud.url}/console`);
  console.log(`  personas: ${personas.map((p) => `${p.name}(${p.openid})`).join(', ')}`);
  console.log('Press Ctrl+C to stop.');

  const stop = async () => {
    await cloud.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
