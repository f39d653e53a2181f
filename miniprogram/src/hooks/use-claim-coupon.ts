import { useState } from 'react';
import Taro from '@tarojs/taro';
import { couponApi } from '../services/api';
import { toastError } from './use-cloud';

/**
 * Claiming coupons from a page: `claim(templateId)` asks the server, toasts the outcome and marks
 * the template claimed (also when the caller was already at their limit).
 */
export function useClaimCoupon(): { claimed: Record<string, boolean>; claim: (templateId: string) => Promise<void> } {
  const [claimed, setClaimed] = useState<Record<string, boolean>>({});
  const claim = async (templateId: string) => {
    try {
      await couponApi.claim(templateId);
      setClaimed((c) => ({ ...c, [templateId]: true }));
      Taro.showToast({ title: '领取成功', icon: 'success' });
    } catch (e) {
      if (toastError(e) === 'LIMIT_REACHED') setClaimed((c) => ({ ...c, [templateId]: true }));
    }
  };
  return { claimed, claim };
}
