import type { AssetStatus } from '@beacon/contracts';

/** The map's colours. Status colours are the badges' (`styles.scss`), so a point and its row agree. */
export interface MapColours {
  status: Record<AssetStatus, string>;
  selected: string;
}

const CSS_VARIABLES = {
  online: '--bcn-online-fg',
  offline: '--bcn-offline-fg',
  unknown: '--bcn-unknown-fg',
  selected: '--bcn-accent',
} as const;

/** Used only when the stylesheet is missing, which MapLibre would otherwise refuse as an empty colour. */
const FALLBACK = '#5f6b7a';

/**
 * Reads the dashboard's colour variables as they apply to `element`. WebGL paints the map, so CSS
 * cannot colour it; the values are read once, when the map is made.
 */
export function readMapColours(element: Element): MapColours {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim() || FALLBACK;
  return {
    status: { online: read(CSS_VARIABLES.online), offline: read(CSS_VARIABLES.offline), unknown: read(CSS_VARIABLES.unknown) },
    selected: read(CSS_VARIABLES.selected),
  };
}
