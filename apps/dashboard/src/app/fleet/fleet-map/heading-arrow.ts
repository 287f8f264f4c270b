/** The name the style's heading layer asks for; `maplibre-map-view.ts` adds the image once the style has loaded. */
export const HEADING_ARROW = 'heading-arrow';

const SIZE = 24;
/** Drawn at twice its size on screen, so it stays sharp on high-density displays. */
export const HEADING_ARROW_PIXEL_RATIO = 2;

/**
 * An arrowhead pointing north in the markers' ink (`MapColours.ink`), drawn on the asset's dot and
 * turned by its heading. Drawn here rather than taken from a sprite sheet, which MapLibre would
 * have to fetch.
 */
export function drawHeadingArrow(ink: string): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.fillStyle = ink;
  context.beginPath();
  context.moveTo(12, 4);
  context.lineTo(18, 19);
  context.lineTo(12, 15);
  context.lineTo(6, 19);
  context.closePath();
  context.fill();
  return context.getImageData(0, 0, SIZE, SIZE);
}
