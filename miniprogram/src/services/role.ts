import { useEffect, useState } from 'react';

/**
 * The caller's role as far as the UI needs it (which entries to show on "我的"). Permission is
 * always enforced by the functions; pages show PERMISSION_DENIED in Chinese if reached anyway.
 * h5: the persona's role. weapp: unknown until a function tells us → show every entry.
 */
export function knownRole(): string | undefined {
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return (require('./persona') as typeof import('./persona')).currentPersona()?.role;
  }
  return undefined;
}

/** The caller's openid where the client knows it (h5 persona); '' in weapp. */
export function myOpenid(): string {
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return (require('./persona') as typeof import('./persona')).currentOpenid();
  }
  return '';
}

/**
 * h5: re-renders the caller when the persona's role becomes known (a first visit with `?as=`
 * starts as a customer until the persona list answers). weapp: nothing to wait for.
 */
export function useKnownRole(): string | undefined {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const { PERSONA_EVENT } = require('./persona') as typeof import('./persona');
      const bump = () => setTick((n) => n + 1);
      window.addEventListener(PERSONA_EVENT, bump);
      return () => window.removeEventListener(PERSONA_EVENT, bump);
    }
    return undefined;
  }, []);
  return knownRole();
}
