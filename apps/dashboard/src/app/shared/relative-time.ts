/**
 * "12 s ago", "5 min ago", "3 h ago", "2 d ago"; "never" when there is no time at all.
 * Times slightly in the future (device clocks run fast; the API allows 5 min) read as "0 s ago"
 * rather than a confusing "in 3 s".
 */
export function formatRelativeTime(iso: string | null, nowMs: number): string {
  if (iso === null) return 'never';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'never';

  const seconds = Math.max(0, Math.floor((nowMs - at) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}
