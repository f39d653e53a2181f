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
