/** `npm start` keeps data under a folder: a restart finds what was written before. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cloudbase from '@cloudbase/node-sdk';
import { LocalCloud } from './cloud';

it('documents written through the SDK survive a restart of the local cloud', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linkshelf-data-'));
  try {
    const first = new LocalCloud({ dataDir: dir });
    const url1 = await first.start();
    const db1 = cloudbase.init({ env: 'local', serviceUrl: `${url1}/admin`, secretId: 'x', secretKey: 'x' }).database();
    await db1.collection('users').add({ _id: 'kept', role: 'customer', when: new Date('2026-03-04T05:06:07Z'), n: 3 });
    await db1.collection('users').doc('kept').update({ n: db1.command.inc(1) });
    await db1.collection('users').add({ _id: 'gone', role: 'customer' });
    await db1.collection('users').doc('gone').remove();
    await first.stop();

    const second = new LocalCloud({ dataDir: dir });
    const url2 = await second.start();
    const db2 = cloudbase.init({ env: 'local', serviceUrl: `${url2}/admin`, secretId: 'x', secretKey: 'x' }).database();
    const kept = (await db2.collection('users').doc('kept').get()).data[0];
    expect(kept).toMatchObject({ _id: 'kept', n: 4 });
    expect(new Date(kept.when).toISOString()).toBe('2026-03-04T05:06:07.000Z');
    expect((await db2.collection('users').doc('gone').get()).data).toEqual([]);
    await second.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
