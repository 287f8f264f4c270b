/** "45 s", "12 min", "3 h 5 min", "2 d 4 h": two units at most, enough to judge a time span. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return withRest(hours, 'h', minutes % 60, 'min');
  return withRest(Math.floor(hours / 24), 'd', hours % 24, 'h');
}

function withRest(value: number, unit: string, rest: number, restUnit: string): string {
  return rest ? `${value} ${unit} ${rest} ${restUnit}` : `${value} ${unit}`;
}
