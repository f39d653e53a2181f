import { useState } from 'react';
import { toastError } from './use-cloud';

/**
 * A button's work: `busy` while it runs (disable the button); a failure goes to `onError`
 * (by default a toast in Chinese by error code). `run` never throws.
 * @example const { busy, run } = useBusy(); run(async () => { await api.save(form); state.reload(); })
 */
export function useBusy() {
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<unknown>, onError: (e: unknown) => unknown = toastError): Promise<void> {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
