/** A canvas drawn sharp on high-density screens. */

/**
 * Sizes `canvas` for `cssW` x `cssH` CSS pixels at the screen's pixel ratio and returns its 2-D context
 * scaled so drawing uses CSS pixels; null when the browser gives no 2-D context.
 */
export function hidpiContext(canvas: HTMLCanvasElement, cssW: number, cssH: number): CanvasRenderingContext2D | null {
  const dpr = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(cssW * dpr);
  canvas.height = Math.round(cssH * dpr);
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}
