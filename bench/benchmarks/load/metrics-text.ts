/** One line of Prometheus' text format: its labels as written (`outcome="accepted"`) and its value. */
export interface SeriesValue {
  labels: string;
  value: number;
}

/** Every sample of the series `name` in a `/metrics` answer, whatever its labels. */
export function seriesValues(text: string, name: string): SeriesValue[] {
  return [...text.matchAll(new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm'))].map((match) => ({
    labels: match[1] ?? '',
    value: Number(match[2]),
  }));
}

/** The value of `name` with `label` among its labels (`''` for a series without labels); 0 when the series is absent. */
export function labelledValue(text: string, name: string, label: string): number {
  return seriesValues(text, name).find((series) => series.labels.split(',').includes(label))?.value ?? 0;
}
