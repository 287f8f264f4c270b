/** What the probe records in the page, in the page's clock (ms since its navigation started). */
export interface ProbeState {
  /** When the first asset row was in the DOM with the status counts' total at the expected figure. */
  rowsAndTotalAt: number | null;
  /** When the map's source first held assets (`data-feature-count` of `fleet-map`), and how many. */
  mapFilledAt: number | null;
  mapFeatures: number | null;
  /** Every long task (≥ 50 ms, the Long Tasks API's threshold) since the navigation. */
  longTasks: { start: number; duration: number }[];
  /** Live streams the page opened and the messages they brought. */
  streamsOpened: number;
  positions: number;
  statuses: number;
}

declare global {
  interface Window {
    bcnBench?: ProbeState;
  }
}

/**
 * Runs in the page before any of its scripts (`page.addInitScript`), so it is serialised on its
 * own: no imports or closures. It watches the page through the test hooks the end-to-end tests use
 * (docs: apps/dashboard/README.md), not the table's internals, so it measures any table that
 * keeps them; and it counts the live stream's messages by listening to every EventSource the page
 * makes, beside the dashboard's own listeners.
 */
export function installProbe(expectedTotal: number): void {
  const state: ProbeState = {
    rowsAndTotalAt: null,
    mapFilledAt: null,
    mapFeatures: null,
    longTasks: [],
    streamsOpened: 0,
    positions: 0,
    statuses: 0,
  };
  window.bcnBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  const NativeEventSource = window.EventSource;
  window.EventSource = class extends NativeEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      this.addEventListener('open', () => state.streamsOpened++);
      this.addEventListener('position', () => state.positions++);
      this.addEventListener('status', () => state.statuses++);
    }
  };

  const observer = new MutationObserver(() => {
    if (state.rowsAndTotalAt === null) {
      // Digits only: the figure may be shown with a thousands separator.
      const total = document.querySelector('[data-testid="count-total"]')?.textContent?.replace(/\D/g, '');
      if (total === String(expectedTotal) && document.querySelector('[data-testid="asset-row"]')) state.rowsAndTotalAt = performance.now();
    }
    if (state.mapFilledAt === null) {
      const features = Number(document.querySelector('[data-testid="fleet-map"]')?.getAttribute('data-feature-count') ?? '0');
      if (features > 0) {
        state.mapFilledAt = performance.now();
        state.mapFeatures = features;
      }
    }
    if (state.rowsAndTotalAt !== null && state.mapFilledAt !== null) observer.disconnect();
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-feature-count'],
  });
}
