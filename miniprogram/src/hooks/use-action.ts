import { useState } from 'react';
import Taro from '@tarojs/taro';
import { errorText } from '../services/errors';

/**
 * A button's call: `busy` while it runs (disable the button), a success toast, then `onDone`
 * (reload what changed); a refusal is shown as a toast in Chinese (services/errors.ts).
 * @example const { busy, act } = useAction(list.reload); act(() => api.ship(...), '已发货')
 */
export function useAction(onDone: () => unknown) {
  const [busy, setBusy] = useState(false);
  async function act(run: () => Promise<unknown>, done: string | ((result: unknown) => string)): Promise<void> {
    setBusy(true);
    try {
      const result = await run();
      Taro.showToast({ title: typeof done === 'string' ? done : done(result), icon: 'success' });
      await onDone();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  }
  return { busy, act };
}
