/**
 * The 34 provincial-level administrative divisions of China (GB/T 2260): 23 provinces, 4
 * municipalities, 5 autonomous regions and 2 special administrative regions. Names are the full
 * official names, as WeChat's `chooseAddress` answers `provinceName` (e.g. `广东省`, `北京市`).
 */

/** The kind of a provincial-level division. */
export type ProvinceKind = 'province' | 'municipality' | 'autonomous_region' | 'sar';

/** One provincial-level division: its GB/T 2260 two-digit code, full name, short name and kind. */
export interface Province {
  code: string;
  name: string;
  short: string;
  kind: ProvinceKind;
}

/**
 * Every provincial-level division, by GB/T 2260 code.
 * @example PROVINCES.find((p) => p.code === '44')?.name // '广东省'
 */
export const PROVINCES: readonly Province[] = [
  { code: '11', name: '北京市', short: '北京', kind: 'municipality' },
  { code: '12', name: '天津市', short: '天津', kind: 'municipality' },
  { code: '13', name: '河北省', short: '河北', kind: 'province' },
  { code: '14', name: '山西省', short: '山西', kind: 'province' },
  { code: '15', name: '内蒙古自治区', short: '内蒙古', kind: 'autonomous_region' },
  { code: '21', name: '辽宁省', short: '辽宁', kind: 'province' },
  { code: '22', name: '吉林省', short: '吉林', kind: 'province' },
  { code: '23', name: '黑龙江省', short: '黑龙江', kind: 'province' },
  { code: '31', name: '上海市', short: '上海', kind: 'municipality' },
  { code: '32', name: '江苏省', short: '江苏', kind: 'province' },
  { code: '33', name: '浙江省', short: '浙江', kind: 'province' },
  { code: '34', name: '安徽省', short: '安徽', kind: 'province' },
  { code: '35', name: '福建省', short: '福建', kind: 'province' },
  { code: '36', name: '江西省', short: '江西', kind: 'province' },
  { code: '37', name: '山东省', short: '山东', kind: 'province' },
  { code: '41', name: '河南省', short: '河南', kind: 'province' },
  { code: '42', name: '湖北省', short: '湖北', kind: 'province' },
  { code: '43', name: '湖南省', short: '湖南', kind: 'province' },
  { code: '44', name: '广东省', short: '广东', kind: 'province' },
  { code: '45', name: '广西壮族自治区', short: '广西', kind: 'autonomous_region' },
  { code: '46', name: '海南省', short: '海南', kind: 'province' },
  { code: '50', name: '重庆市', short: '重庆', kind: 'municipality' },
  { code: '51', name: '四川省', short: '四川', kind: 'province' },
  { code: '52', name: '贵州省', short: '贵州', kind: 'province' },
  { code: '53', name: '云南省', short: '云南', kind: 'province' },
  { code: '54', name: '西藏自治区', short: '西藏', kind: 'autonomous_region' },
  { code: '61', name: '陕西省', short: '陕西', kind: 'province' },
  { code: '62', name: '甘肃省', short: '甘肃', kind: 'province' },
  { code: '63', name: '青海省', short: '青海', kind: 'province' },
  { code: '64', name: '宁夏回族自治区', short: '宁夏', kind: 'autonomous_region' },
  { code: '65', name: '新疆维吾尔自治区', short: '新疆', kind: 'autonomous_region' },
  { code: '71', name: '台湾省', short: '台湾', kind: 'province' },
  { code: '81', name: '香港特别行政区', short: '香港', kind: 'sar' },
  { code: '82', name: '澳门特别行政区', short: '澳门', kind: 'sar' },
];

/** The full names of {@link PROVINCES}, in code order. */
export const PROVINCE_NAMES: readonly string[] = PROVINCES.map((p) => p.name);

/**
 * The division a name stands for: its full name (`广东省`) or its short name (`广东`), after
 * trimming; undefined for anything else. Stored addresses and shipping rules keep the full name.
 * @example provinceOf('内蒙古')?.name // '内蒙古自治区'
 */
export function provinceOf(name: string): Province | undefined {
  const n = name.trim();
  return PROVINCES.find((p) => p.name === n || p.short === n);
}
