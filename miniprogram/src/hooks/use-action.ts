import Taro from '@tarojs/taro';
import { useBusy } from './use-busy';

/**
 * A button's call: `busy` while it runs (disable the button), a success toast, then `onDone`
 * (reload what changed); a refusal is shown as a toast in Chinese (services/errors.ts).
 * @example const { busy, act } = useAction(list.reload); act(() => api.ship(...), '已发货')
 */
export function useAction(onDone: () => unknown) {
  const { busy, run } = useBusy();
  function act(call: () => Promise<unknown>, done: string | ((result: unknown) => string)): Promise<void> {
    return run(async () => {
      const result = await call();
      Taro.showToast({ title: typeof done === 'string' ? done : done(result), icon: 'success' });
      await onDone();
    });
  }
  return { busy, act };
}
