/**
 * Area resampling of single-channel images (a box filter with fractional pixel weights): each output
 * pixel is the mean of the input area it covers, computed in float64. 28 -> 8 averages 3.5 x 3.5 input
 * pixels per output pixel, as optdigits' 32 -> 8 block counts do with whole blocks.
 */
export function areaResize(src: ArrayLike<number>, h: number, w: number, outH: number, outW: number): Float64Array {
  if (src.length !== h * w) throw new Error(`areaResize: ${src.length} values is not ${h}x${w}`);
  if (!(outH >= 1 && outW >= 1 && outH <= h && outW <= w)) throw new Error(`areaResize: can only shrink, ${h}x${w} -> ${outH}x${outW}`);
  const wy = coverage(h, outH);
  const wx = coverage(w, outW);
  const out = new Float64Array(outH * outW);
  const area = (h / outH) * (w / outW);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let s = 0;
      for (const [iy, fy] of wy[oy]) for (const [ix, fx] of wx[ox]) s += src[iy * w + ix] * fy * fx;
      out[oy * outW + ox] = s / area;
    }
  }
  return out;
}

/** For each output cell along one axis: the input cells it overlaps and by how much (in input pixels). */
function coverage(n: number, m: number): [number, number][][] {
  const step = n / m;
  const cells: [number, number][][] = [];
  for (let o = 0; o < m; o++) {
    const a = o * step;
    const b = a + step;
    const list: [number, number][] = [];
    for (let i = Math.floor(a); i < Math.min(n, Math.ceil(b)); i++) {
      const f = Math.min(b, i + 1) - Math.max(a, i);
      if (f > 1e-12) list.push([i, f]);
    }
    cells.push(list);
  }
  return cells;
}
