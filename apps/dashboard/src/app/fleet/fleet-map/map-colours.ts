import type { AssetStatus } from '@beacon/contracts';

/** The map's colours. Status colours are the badges' (`styles.scss`), so a point and its row agree. */
export interface MapColours {
  status: Record<AssetStatus, string>;
  selected: string;
  /** The basemap, light or dark with the theme in force. */
  basemap: { sea: string; land: string; coast: string; border: string };
  /** The markers' outline and heading arrow: what stands out against the status colours. */
  ink: string;
}

/** Each colour's variable, and the light palette's value, used only when the stylesheet is missing (MapLibre refuses an empty colour). */
const VARIABLES = {
  online: ['--bcn-online-fg', '#0f7a3d'],
  offline: ['--bcn-offline-fg', '#b42318'],
  unknown: ['--bcn-unknown-fg', '#5f6b7a'],
  selected: ['--bcn-accent', '#2563eb'],
  sea: ['--bcn-map-sea', '#d6e4ee'],
  land: ['--bcn-map-land', '#fbfcfd'],
  coast: ['--bcn-map-coast', '#9aa5b1'],
  border: ['--bcn-map-border', '#c3cbd4'],
  ink: ['--bcn-map-ink', '#ffffff'],
} as const;

/**
 * Reads the dashboard's colour variables as they apply to `element`. WebGL paints the map, so CSS
 * cannot colour it; the values are read when the map is made and again when the theme changes.
 */
export function readMapColours(element: Element): MapColours {
  const style = getComputedStyle(element);
  const read = (name: keyof typeof VARIABLES) => style.getPropertyValue(VARIABLES[name][0]).trim() || VARIABLES[name][1];
  return {
    status: { online: read('online'), offline: read('offline'), unknown: read('unknown') },
    selected: read('selected'),
    basemap: { sea: read('sea'), land: read('land'), coast: read('coast'), border: read('border') },
    ink: read('ink'),
  };
}
