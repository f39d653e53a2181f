/** The WeChat side and storage survive a restart of `npm start` (data folder), and reset empties them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCloud } from '../cloud';
import { LOCAL_SUB_MCH_ID } from './merchant';
import { FIXTURE_FUNCTIONS } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'linkshelf-wechat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps trades, refunds, the outbox and stored files across a restart; reset empties them', async () => {
  const first = new LocalCloud({ dataDir: dir, functionsDir: FIXTURE_FUNCTIONS });
  await first.start();
  const order = { functionName: 'payCallback', envId: 'local', sub_mch_id: LOCAL_SUB_MCH_ID, nonce_str: 'n', body: '杯', out_trade_no: 'P1', total_fee: 100, spbill_create_ip: '127.0.0.1', sub_openid: 'o_cust_1' };
  expect(first.wechat.pay.call('cloudPay.unifiedOrder', order)).toMatchObject({ resultCode: 'SUCCESS' });
  first.wechat.openApi.accept('o_cust_1', ['tmpl_group_result']);
  await first.wechat.openApi.call('subscribeMessage.send', { touser: 'o_cust_1', template_id: 'tmpl_group_result', data: { thing1: { value: '杯' }, phrase2: { value: '成功' }, thing3: { value: '尽快发货' } } });
  first.storage.objects.write('materials/a.txt', first.storage.fileIdOf('materials/a.txt'), Buffer.from('abc'), '', 0);
  await first.stop();

  const second = new LocalCloud({ dataDir: dir, functionsDir: FIXTURE_FUNCTIONS });
  await second.start();
  expect(second.wechat.pay.ledger.trade('P1')).toMatchObject({ state: 'NOTPAY', totalFee: 100, payer: 'o_cust_1' });
  expect(second.wechat.openApi.outbox()).toHaveLength(1);
  expect(second.storage.objects.read('materials/a.txt')?.toString()).toBe('abc');
  await second.reset();
  expect(second.wechat.pay.ledger.trades()).toEqual([]);
  expect(second.storage.objects.list()).toEqual([]);
  await second.stop();
});
