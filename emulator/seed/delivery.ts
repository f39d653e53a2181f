/**
 * Demo delivery data: the brand's shipping rules (`settings/shipping`: ¥6 a parcel, free from ¥59
 * of goods, no delivery to Hong Kong, Macao and Taiwan) and one home address per demo customer,
 * each the default of its book under the fixed id {@link DEMO_ADDRESS_ID}.
 */
import { PERSONAS } from './people';
import type { SeedDoc } from './window';

/** The id of every demo customer's seeded address (ids are per book). */
export const DEMO_ADDRESS_ID = 'a_home';

const HOMES: Array<[name: string, phone: string, province: string, city: string, district: string, detail: string, postalCode: string]> = [
  ['小美', '13800000001', '广东省', '深圳市', '南山区', '科苑路15号 科兴科学园B栋', '518057'],
  ['阿杰', '13800000002', '浙江省', '杭州市', '西湖区', '文三路90号 东部软件园1号楼', '310012'],
  ['老刘', '13800000003', '北京市', '北京市', '朝阳区', '建国路88号 SOHO现代城', '100022'],
  ['婷婷', '13800000004', '四川省', '成都市', '武侯区', '人民南路四段12号', '610041'],
];

export function seedDelivery(now: Date): { settings: SeedDoc[]; addresses: SeedDoc[] } {
  return {
    settings: [
      { _id: 'shipping', name: '运费6元，满59元包邮，港澳台暂不发货', flatFeeFen: 600, freeOverFen: 5900, notServed: ['香港特别行政区', '澳门特别行政区', '台湾省'], updatedAt: now },
    ],
    addresses: PERSONAS.customers.map((openid, i) => {
      const [name, phone, province, city, district, detail, postalCode] = HOMES[i];
      return {
        _id: openid,
        items: [{ addressId: DEMO_ADDRESS_ID, name, phone, province, city, district, detail, postalCode, updatedAt: now }],
        defaultId: DEMO_ADDRESS_ID,
        rev: 1,
        updatedAt: now,
      };
    }),
  };
}
