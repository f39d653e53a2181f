/** Page or launch query parameters. */
export type Query = Record<string, string | undefined> | undefined;

/**
 * Pulls a share id out of page/launch query: `s`, or a QR `scene` "s=<id>" / "<id>". A share id
 * has at most 10 characters: a longer scene (a team invitation's 12-character code) is not one.
 */
export function shareIdFromQuery(q: Query): string | undefined {
  if (!q) return undefined;
  if (q.s) return String(q.s);
  if (q.scene) {
    const scene = decodeURIComponent(String(q.scene));
    const m = /(?:^|&)s=([^&]+)/.exec(scene);
    return m ? m[1] : /^[0-9A-Za-z_-]{1,10}$/.test(scene) ? scene : undefined;
  }
  return undefined;
}
