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

  it.each([
    ['11', '北京市', 'municipality'],
    ['15', '内蒙古自治区', 'autonomous_region'],
    ['31', '上海市', 'municipality'],
    ['44', '广东省', 'province'],
    ['45', '广西壮族自治区', 'autonomous_region'],
    ['50', '重庆市', 'municipality'],
    ['54', '西藏自治区', 'autonomous_region'],
    ['64', '宁夏回族自治区', 'autonomous_region'],
    ['65', '新疆维吾尔自治区', 'autonomous_region'],
    ['71', '台湾省', 'province'],
    ['81', '香港特别行政区', 'sar'],
    ['82', '澳门特别行政区', 'sar'],
  ])('GB/T 2260 code %s is %s (%s)', (code, name, kind) => {
    expect(PROVINCES.find((p) => p.code === code)).toMatchObject({ name, kind });
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
