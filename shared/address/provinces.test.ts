import { PROVINCES, PROVINCE_NAMES, provinceOf } from './provinces';

describe('the 34 provincial-level divisions', () => {
  it('are 23 provinces, 4 municipalities, 5 autonomous regions and 2 SARs, with unique codes and names', () => {
    const byKind = (k: string) => PROVINCES.filter((p) => p.kind === k).length;
    expect(PROVINCES).toHaveLength(34);
    expect([byKind('province'), byKind('municipality'), byKind('autonomous_region'), byKind('sar')]).toEqual([23, 4, 5, 2]);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    expect(new Set(PROVINCE_NAMES).size).toBe(34);
    expect(new Set(PROVINCES.map((p) => p.short)).size).toBe(34);
    for (const p of PROVINCES) expect([p.name, p.name.startsWith(p.short), /^\d{2}$/.test(p.code)]).toEqual([p.name, true, true]);
  });

  it('the municipalities, autonomous regions and SARs are the GB/T 2260 codes of their kind (the rest are provinces)', () => {
    const codesOf = (kind: string) => PROVINCES.filter((p) => p.kind === kind).map((p) => p.code);
    expect(codesOf('municipality')).toEqual(['11', '12', '31', '50']);
    expect(codesOf('autonomous_region')).toEqual(['15', '45', '54', '64', '65']);
    expect(codesOf('sar')).toEqual(['81', '82']);
    expect(codesOf('province')).toHaveLength(23);
  });

  it.each([
    ['11', '北京市'],
    ['15', '内蒙古自治区'],
    ['31', '上海市'],
    ['44', '广东省'],
    ['45', '广西壮族自治区'],
    ['50', '重庆市'],
    ['54', '西藏自治区'],
    ['64', '宁夏回族自治区'],
    ['65', '新疆维吾尔自治区'],
    ['71', '台湾省'],
    ['81', '香港特别行政区'],
    ['82', '澳门特别行政区'],
  ])('GB/T 2260 code %s is %s', (code, name) => {
    expect(PROVINCES.find((p) => p.code === code)?.name).toBe(name);
  });

  it.each([
    ['广东省', '广东省'],
    ['广东', '广东省'],
    [' 广西 ', '广西壮族自治区'],
    ['北京', '北京市'],
    ['香港', '香港特别行政区'],
    ['广东省省', undefined],
    ['Guangdong', undefined],
    ['', undefined],
  ])('provinceOf(%j) → %s', (input, full) => {
    expect(provinceOf(input)?.name).toBe(full);
  });
});
