import Taro from '@tarojs/taro';
import type { AddressInput } from './api';

const CHOSEN = 'checkout.addressId';

/** The address the customer picked for checkout (kept across the address page and back). */
export function chosenAddressId(): string | undefined {
  const id: unknown = Taro.getStorageSync(CHOSEN);
  return typeof id === 'string' && id ? id : undefined;
}

/** Remembers the address picked on the address page for the checkout it returns to. */
export function chooseAddressForCheckout(addressId: string): void {
  Taro.setStorageSync(CHOSEN, addressId);
}

/** Chinese names of the address fields, for the field errors the server names (`address.phone: …`). */
const FIELD_TEXT: Record<string, string> = {
  name: '请填写收货人（1–20字）',
  phone: '请填写正确的手机号（1开头的11位数字）',
  province: '请填写省份（34个省级行政区之一，如 广东省）',
  city: '请填写城市',
  district: '请填写区县',
  detail: '请填写详细地址（2–100字）',
  postalCode: '邮编为6位数字，可不填',
};

/**
 * The fields an INVALID_ARGUMENT from address.save names (its detail), each with its text; empty
 * when it names none.
 * @example fieldErrorsOf('address.phone: a mainland mobile number…') // { phone: '请填写正确的手机号…' }
 */
export function fieldErrorsOf(message: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of message.matchAll(/address\.(\w+):/g)) out[m[1]] = FIELD_TEXT[m[1]] ?? '请检查此项';
  return out;
}

/** What WeChat's chooseAddress answers, as address.save takes it. */
export function addressFromWeChat(r: Taro.chooseAddress.SuccessCallbackResult): AddressInput {
  return {
    name: r.userName,
    phone: r.telNumber,
    province: r.provinceName,
    city: r.cityName,
    district: r.countyName,
    detail: r.detailInfo,
    ...(r.postalCode && /^\d{6}$/.test(r.postalCode) ? { postalCode: r.postalCode } : {}),
  };
}
