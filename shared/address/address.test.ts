import { addressInputSchema, decideRemoveAddress, decideSaveAddress, emptyBook, MAX_ADDRESSES, type AddressInput } from './address';

const NOW = new Date('2026-06-01T02:00:00Z');
const input = (over: Record<string, unknown> = {}): AddressInput =>
  addressInputSchema.parse({ name: '小美', phone: '13800000001', province: '广东省', city: '深圳市', district: '南山区', detail: '科苑路15号', ...over });

describe('addressInputSchema', () => {
  it.each([
    ['phone', '13800000001', true],
    ['phone', '19912345678', true],
    ['phone', ' 13800000001 ', true],
    ['phone', '12800000001', false],
    ['phone', '1380000000', false],
    ['phone', '138000000011', false],
    ['phone', '138-0000-0001', false],
    ['postalCode', '518057', true],
    ['postalCode', '51805', false],
    ['name', '', false],
    ['name', 'A'.repeat(20), true],
    ['name', 'A'.repeat(21), false],
    ['detail', '1号', true],
    ['detail', '1', false],
    ['province', '火星', false],
    ['province', '新疆', true],
  ])('%s %j → valid %s', (field, value, valid) => {
    const r = addressInputSchema.safeParse({ ...input(), [field]: value });
    expect(r.success).toBe(valid);
    if (!r.success) expect(r.error.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });
});

describe('the address book', () => {
  it('the first address is the default; a new one goes first; isDefault moves the default', () => {
    const one = decideSaveAddress(emptyBook('o1', NOW), input(), 'a1', NOW);
    expect(one).toMatchObject({ addressId: 'a1', book: { defaultId: 'a1', rev: 1 } });
    const two = decideSaveAddress(one.book, input({ detail: '2号' }), 'a2', NOW);
    expect(two.book.items.map((a) => a.addressId)).toEqual(['a2', 'a1']);
    expect(two.book.defaultId).toBe('a1');
    expect(decideSaveAddress(two.book, input({ addressId: 'a2', isDefault: true }), 'x', NOW).book.defaultId).toBe('a2');
  });

  it('the same address saved again is the same entry (a retry adds nothing)', () => {
    const one = decideSaveAddress(emptyBook('o1', NOW), input(), 'a1', NOW);
    const again = decideSaveAddress(one.book, input(), 'a2', NOW);
    expect(again.addressId).toBe('a1');
    expect(again.book.items).toHaveLength(1);
  });

  it('refuses a new address in a full book and an unknown id', () => {
    let book = emptyBook('o1', NOW);
    for (let i = 0; i < MAX_ADDRESSES; i++) book = decideSaveAddress(book, input({ detail: `${i}号` }), `a${i}`, NOW).book;
    expect(() => decideSaveAddress(book, input({ detail: '新1号' }), 'ax', NOW)).toThrow(expect.objectContaining({ code: 'LIMIT_REACHED' }));
    expect(() => decideSaveAddress(book, input({ addressId: 'nope' }), 'ax', NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => decideRemoveAddress(book, 'nope', NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('removing the default makes the first remaining address the default; removing the last leaves none', () => {
    let book = decideSaveAddress(emptyBook('o1', NOW), input(), 'a1', NOW).book;
    book = decideSaveAddress(book, input({ detail: '2号' }), 'a2', NOW).book;
    book = decideRemoveAddress(book, 'a1', NOW);
    expect([book.defaultId, book.items.map((a) => a.addressId)]).toEqual(['a2', ['a2']]);
    expect(decideRemoveAddress(book, 'a2', NOW)).toMatchObject({ defaultId: null, items: [] });
  });
});
