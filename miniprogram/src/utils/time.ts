/** Time helpers; instants arrive from functions as ISO-8601 strings (shared/contract), or null when unset. */
export type Instant = string | undefined | null;

export function toMs(t: Instant): number {
  return t == null ? NaN : Date.parse(t);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-01-31 09:05" in local time. */
export function formatDateTime(t: Instant): string {
  const ms = toMs(t);
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "01-31" */
export function formatDay(t: Instant): string {
  const ms = toMs(t);
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Remaining time as "1天 02:03:04" / "02:03:04"; "" when over. */
export function formatCountdown(msLeft: number): string {
  if (!(msLeft > 0)) return '';
  const s = Math.floor(msLeft / 1000);
  const days = Math.floor(s / 86400);
  const hms = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? `${days}天 ${hms}` : hms;
}
