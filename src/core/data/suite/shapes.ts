/**
 * A synthetic colour-image task for the generalization suite: one geometric shape per 32x32 RGB image
 * (circle, ring, triangle, square, hexagon, cross) of random size, position, rotation and colour on a
 * two-colour gradient background, drawn anti-aliased from signed distances, with a few small distractor
 * dots and pixel noise. Pure and seeded; samples come out as uint8 RGB, channels last.
 */
import type { Rng } from '../../util/random';

export const SHAPE_CLASSES = ['circle', 'ring', 'triangle', 'square', 'hexagon', 'cross'] as const;
/** Image side in pixels. */
export const SHAPES_SIDE = 32;

const u = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
type Rgb = [number, number, number];
const luma = (c: Rgb) => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];

/** Signed distance (pixels, < 0 inside) of a regular n-gon of circumradius r, rotated by `rot`. */
function polygon(px: number, py: number, n: number, r: number, rot: number): number {
  const apothem = r * Math.cos(Math.PI / n);
  let d = -Infinity;
  for (let k = 0; k < n; k++) {
    const a = rot + (2 * Math.PI * k) / n;
    d = Math.max(d, px * Math.cos(a) + py * Math.sin(a) - apothem);
  }
  return d;
}

/** Signed distance of shape `cls` of size r rotated by rot, at offset (px, py) from its centre. */
function shapeDistance(cls: number, px: number, py: number, r: number, rot: number): number {
  const dist = Math.sqrt(px * px + py * py);
  switch (cls) {
    case 0: return dist - 0.85 * r;
    case 1: return Math.abs(dist - 0.72 * r) - Math.max(1, 0.17 * r);
    case 2: return polygon(px, py, 3, 1.1 * r, rot);
    case 3: return polygon(px, py, 4, r, rot);
    case 4: return polygon(px, py, 6, 0.95 * r, rot);
    default: {
      const c = Math.cos(rot);
      const s = Math.sin(rot);
      const x = Math.abs(px * c + py * s);
      const y = Math.abs(-px * s + py * c);
      const w = Math.max(1, 0.27 * r);
      return Math.min(Math.max(x - r, y - w), Math.max(y - r, x - w));
    }
  }
}

/** A random colour at least `minDiff` away in luma from `other` (a bounded number of tries, then the best). */
function contrasting(rng: Rng, other: Rgb, minDiff: number): Rgb {
  let best: Rgb = [rng(), rng(), rng()];
  for (let i = 0; i < 8 && Math.abs(luma(best) - luma(other)) < minDiff; i++) {
    const c: Rgb = [rng(), rng(), rng()];
    if (Math.abs(luma(c) - luma(other)) > Math.abs(luma(best) - luma(other))) best = c;
  }
  return best;
}

/** One image of class `cls` (index into SHAPE_CLASSES): (SHAPES_SIDE x SHAPES_SIDE x 3) uint8, channels last. */
export function shapeImage(cls: number, rng: Rng): Uint8Array {
  if (!Number.isInteger(cls) || cls < 0 || cls >= SHAPE_CLASSES.length) throw new Error(`shapeImage: class ${cls} is not in 0..${SHAPE_CLASSES.length - 1}`);
  const n = SHAPES_SIDE;
  const bg0: Rgb = [rng(), rng(), rng()];
  const bg1: Rgb = [0, 1, 2].map((c) => Math.min(1, Math.max(0, bg0[c] + u(rng, -0.25, 0.25)))) as Rgb;
  const gradAngle = rng() * 2 * Math.PI;
  const fg = contrasting(rng, bg0, 0.3);
  const r = u(rng, 5, 11);
  const cx = u(rng, r * 0.8 + 1, n - 1 - r * 0.8);
  const cy = u(rng, r * 0.8 + 1, n - 1 - r * 0.8);
  const rot = rng() * 2 * Math.PI;
  const dots = Array.from({ length: Math.floor(rng() * 4) }, () => ({ x: rng() * n, y: rng() * n, r: u(rng, 0.7, 1.6), c: [rng(), rng(), rng()] as Rgb }));
  const noise = u(rng, 0, 0.08);
  const out = new Uint8Array(n * n * 3);
  const ga = Math.cos(gradAngle) / n;
  const gb = Math.sin(gradAngle) / n;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const g = Math.min(1, Math.max(0, 0.5 + (x - n / 2) * ga + (y - n / 2) * gb));
      const alpha = Math.min(1, Math.max(0, 0.5 - shapeDistance(cls, x + 0.5 - cx, y + 0.5 - cy, r, rot)));
      for (let c = 0; c < 3; c++) {
        let v = bg0[c] * (1 - g) + bg1[c] * g;
        v = v * (1 - alpha) + fg[c] * alpha;
        for (const d of dots) {
          const a = Math.min(1, Math.max(0, d.r + 0.5 - Math.hypot(x + 0.5 - d.x, y + 0.5 - d.y)));
          v = v * (1 - a) + d.c[c] * a;
        }
        v += rng.gauss(0, noise);
        out[(y * n + x) * 3 + c] = Math.round(255 * Math.min(1, Math.max(0, v)));
      }
    }
  }
  return out;
}
