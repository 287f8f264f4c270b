/** The names the style's heading layer asks for; `maplibre-map-view.ts` adds the images once the style has loaded. */
export const HEADING_ARROW = 'heading-arrow';
export const AIRCRAFT_SYMBOL = 'aircraft-symbol';

const SIZE = 24;
/** Drawn at twice their size on screen, so they stay sharp on high-density displays. */
export const HEADING_ARROW_PIXEL_RATIO = 2;

type Outline = readonly (readonly [number, number])[];

/** An arrowhead pointing north. */
const ARROW: Outline = [
  [12, 4],
  [18, 19],
  [12, 15],
  [6, 19],
];

/** An airliner seen from above, nose north: fuselage, swept wings and tailplane. */
const AIRLINER: Outline = [
  [12, 1],
  [13.4, 4],
  [13.4, 8.5],
  [22.5, 13.5],
  [22.5, 15.5],
  [13.4, 12.8],
  [13, 18.5],
  [16.5, 21],
  [16.5, 22.5],
  [12, 21.3],
  [7.5, 22.5],
  [7.5, 21],
  [11, 18.5],
  [10.6, 12.8],
  [1.5, 15.5],
  [1.5, 13.5],
  [10.6, 8.5],
  [10.6, 4],
];

/**
 * The mark drawn on a vehicle's dot, turned by its heading: an arrowhead in the markers' ink
 * (`MapColours.ink`). Drawn here rather than taken from a sprite sheet, which MapLibre would have to
 * fetch.
 */
export function drawHeadingArrow(ink: string): ImageData {
  return drawOutline(ink, ARROW);
}

/** The mark drawn on an aircraft's dot, turned by its track, so aircraft read apart from vehicles. */
export function drawAircraftSymbol(ink: string): ImageData {
  return drawOutline(ink, AIRLINER);
}

function drawOutline(ink: string, outline: Outline): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.fillStyle = ink;
  context.beginPath();
  for (const [x, y] of outline) context.lineTo(x, y);
  context.closePath();
  context.fill();
  return context.getImageData(0, 0, SIZE, SIZE);
}
