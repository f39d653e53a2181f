/** address: the address book (validation naming each field, the default, the limit, races) and the order's snapshot. */
import { useTestCloud } from '../../emulator/testing';
import type { Reply } from '../../shared/contract';
import { doc, HOME, outcomes } from '../../tests/support/commerce';

const t = useTestCloud();
type Book = Reply<'address', 'save'>;

const NEW = 'o_new_buyer';
const valid = { name: '王小二', phone: '13912345678', province: '江苏省', city: '南京市', district: '玄武区', detail: '中山路1号', postalCode: '210000' };
const save = (openid: string, address: Record<string, unknown>) => t.cloud.call<Book>('address', { action: 'save', address }, openid);

describe('address book', () => {
  it('the first address is stored as the default; list shows it', async () => {
    const r = await t.cloud.ok<Book>('address', { action: 'save', address: valid }, NEW);
    expect(r.addresses).toEqual([{ ...valid, addressId: r.addressId, isDefault: true, updatedAt: t.cloud.now().toISOString() }]);
    expect(r).toMatchObject({ defaultId: r.addressId, max: 20 });
    expect(await doc(t.cloud, 'addresses', NEW)).toEqual({
      _id: NEW,
      items: [{ ...valid, addressId: r.addressId, updatedAt: t.cloud.now() }],
      defaultId: r.addressId,
      rev: 1,
      updatedAt: t.cloud.now(),
    });
    const { addressId: _saved, ...list } = r;
    expect(await t.cloud.ok('address', { action: 'list' }, NEW)).toEqual(list);
    expect(await t.cloud.ok('address', { action: 'list' }, 'o_nobody_yet')).toEqual({ addresses: [], defaultId: null, max: 20 });
  });

  it('text is trimmed, a short province name is stored in full, the postal code is optional', async () => {
    const r = await t.cloud.ok<Book>('address', { action: 'save', address: { ...valid, name: '  王小二 ', province: '内蒙古', postalCode: undefined } }, NEW);
    expect(r.addresses[0]).toMatchObject({ name: '王小二', province: '内蒙古自治区', postalCode: null });
  });

  // [field, bad value]: each refusal names the field, and nothing is written.
  const bad: Array<[string, unknown]> = [
    ['name', ''],
    ['name', '   '],
    ['name', '名'.repeat(21)],
    ['phone', '12912345678'],
    ['phone', '1391234567'],
    ['phone', '139123456789'],
    ['phone', '+8613912345678'],
    ['phone', 13912345678],
    ['province', '火星'],
    ['province', ''],
    ['city', ''],
    ['city', '城'.repeat(21)],
    ['district', ''],
    ['district', '区'.repeat(21)],
    ['detail', '1'],
    ['detail', '路'.repeat(101)],
    ['postalCode', '21000'],
    ['postalCode', '2100001'],
    ['postalCode', 'abcdef'],
  ];
  it.each(bad)('address.%s = %j → INVALID_ARGUMENT naming address.%s, nothing written', async (field, value) => {
    const r = await save(NEW, { ...valid, [field]: value });
    expect(r.ok === false && [r.error.code, r.error.message.split(':')[0]]).toEqual(['INVALID_ARGUMENT', `address.${field}`]);
    expect(await doc(t.cloud, 'addresses', NEW)).toBeUndefined();
  });

  it('a missing field and an unknown field are named too', async () => {
    const { phone: _phone, ...noPhone } = valid;
    const missing = await save(NEW, noPhone);
    expect(missing.ok === false && [missing.error.code, missing.error.message.split(':')[0]]).toEqual(['INVALID_ARGUMENT', 'address.phone']);
    const extra = await save(NEW, { ...valid, country: '中国' });
    expect(extra.ok === false && [extra.error.code, extra.error.message.split(':')[0]]).toEqual(['INVALID_ARGUMENT', 'address.country']);
  });

  it('edit, default and remove: the default moves to the newest remaining address; unknown ids are NOT_FOUND', async () => {
    const a = await t.cloud.ok<Book>('address', { action: 'save', address: valid }, NEW);
    const b = await t.cloud.ok<Book>('address', { action: 'save', address: { ...valid, detail: '中山路2号', isDefault: true } }, NEW);
    expect(b.defaultId).toBe(b.addressId);
    expect(b.addresses.map((x) => [x.addressId, x.isDefault])).toEqual([[b.addressId, true], [a.addressId, false]]);

    const edited = await t.cloud.ok<Book>('address', { action: 'save', address: { ...valid, addressId: a.addressId, phone: '13700000000' } }, NEW);
    expect(edited.addresses.find((x) => x.addressId === a.addressId)).toMatchObject({ phone: '13700000000', isDefault: false });

    const removed = await t.cloud.ok<Book>('address', { action: 'remove', addressId: b.addressId }, NEW);
    expect(removed).toMatchObject({ defaultId: a.addressId, addresses: [expect.objectContaining({ addressId: a.addressId, isDefault: true })] });
    expect(await doc(t.cloud, 'addresses', NEW)).toMatchObject({ rev: 4, defaultId: a.addressId, items: [expect.objectContaining({ addressId: a.addressId })] });

    const gone = await t.cloud.call('address', { action: 'remove', addressId: b.addressId }, NEW);
    expect(gone.ok === false && gone.error.code).toBe('NOT_FOUND');
    const unknown = await save(NEW, { ...valid, addressId: 'a_nope' });
    expect(unknown.ok === false && unknown.error.code).toBe('NOT_FOUND');
    expect(await doc(t.cloud, 'addresses', NEW)).toMatchObject({ rev: 4 });
  });

  it('a save repeated after a lost reply keeps one entry', async () => {
    const first = await t.cloud.ok<Book>('address', { action: 'save', address: valid }, NEW);
    const again = await t.cloud.ok<Book>('address', { action: 'save', address: valid }, NEW);
    expect(again.addressId).toBe(first.addressId);
    expect(again.addresses).toHaveLength(1);
  });

  it('a book holds 20 addresses: the 21st is LIMIT_REACHED and not stored', async () => {
    for (let i = 0; i < 20; i++) await t.cloud.ok('address', { action: 'save', address: { ...valid, detail: `中山路${i}号` } }, NEW);
    const full = await save(NEW, { ...valid, detail: '中山路99号' });
    expect(full.ok === false && full.error.code).toBe('LIMIT_REACHED');
    expect(((await doc(t.cloud, 'addresses', NEW)) as unknown as { items: unknown[] }).items).toHaveLength(20);
  });

  it('5 saves of one book at once: no save is lost — every saved address is in the book, the rest are told CONFLICT', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => save(NEW, { ...valid, detail: `并发路${i}号` })));
    const ok = results.filter((r): r is { ok: true; data: Book } => r.ok);
    expect(ok.length + (outcomes(results).CONFLICT ?? 0)).toBe(5);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const stored = (await doc(t.cloud, 'addresses', NEW)) as unknown as { items: Array<{ addressId: string }>; rev: number };
    expect(stored.items.map((a) => a.addressId).sort()).toEqual(ok.map((r) => r.data.addressId).sort());
    expect(stored.rev).toBe(ok.length);
  });
});

describe('the order keeps a snapshot of its address', () => {
  it('editing or removing the address later never changes the order', async () => {
    const order = await t.cloud.ok<Reply<'order', 'create'>>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'addr-snap-001' }, 'o_cust_1');
    const home = { addressId: HOME, name: '小美', phone: '13800000001', province: '广东省', city: '深圳市', district: '南山区', detail: '科苑路15号 科兴科学园B栋', postalCode: '518057' };
    expect(order.address).toEqual(home);
    expect(await doc(t.cloud, 'orders', order.orderId)).toMatchObject({ address: home });

    await t.cloud.ok('address', { action: 'save', address: { ...home, phone: '13911112222', detail: '新地址1号', addressId: HOME } }, 'o_cust_1');
    await t.cloud.ok('address', { action: 'remove', addressId: HOME }, 'o_cust_1');
    expect((await t.cloud.ok<Reply<'order', 'get'>>('order', { action: 'get', orderId: order.orderId }, 'o_cust_1')).address).toEqual(home);
    expect(await doc(t.cloud, 'orders', order.orderId)).toMatchObject({ address: home });
  });
});
