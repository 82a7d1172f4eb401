/**
 * The Learn demo as a sequence of frames: the weights, their cut into subvectors, the k-means++ start,
 * then alternating assignment (E) and update (M) steps until no assignment changes (or `maxIter`),
 * then the reconstruction and its error. `nextFrame` is pure: the same settings give the same frames,
 * and the inertia never rises from one frame to the next. Each step is O(n k d), a millisecond or so
 * at the largest demo size, so it runs on the main thread; the k-means++ start is computed with the
 * demo, not in a step.
 */
import { demoLayout, makeDemoKernel } from './layer';
import type { DemoLayout } from './layer';
import { assignStep, inertiaOf, updateStep } from './lloyd';
import { fitProjection, project } from './pca';
import type { Projection } from './pca';
import { fromSubvectors, toSubvectors } from '../pq/layout';
import { kmeansPlusPlus } from '../pq/init';
import { reconstruct as decode } from '../pq/reconstruct';
import { mse, sqnrDb } from '../pq/metrics';
import { bitsFor } from '../pq/pack';
import { packedIndexBytes } from '../pq/bytes';
import { createRng } from '../util/random';

/** What the demo is built from. */
export interface LearnDemoSettings {
  rows: number;
  cols: number;
  d: number;
  k: number;
  seed: number;
  /** Lloyd iterations at most (default 30). */
  maxIter?: number;
}

export type LearnPhase = 'weights' | 'cut' | 'init' | 'assign' | 'update' | 'reconstruct';

/** The fixed part of a demo: the layer, its subvectors and the 2-D view. */
export interface LearnDemo {
  settings: LearnDemoSettings;
  /** (rows x cols) */
  kernel: Float32Array;
  layout: DemoLayout;
  /** (n x d) as the engine cuts them */
  sub32: Float32Array;
  /** (n x d) the same in float64, for the steps */
  sub: Float64Array;
  n: number;
  /** Codewords used: min(K, n) (a codebook larger than the data is cut to n). */
  k: number;
  projection: Projection;
  /** (n x 2) the subvectors in the plane. */
  points2d: Float64Array;
  /** (k x d) the k-means++ start, computed with the demo so no step pays for it. */
  init: Float64Array;
  maxIter: number;
}

/** The reconstruction shown at the end. */
export interface Reconstruction {
  /** (rows x cols) decoded weights. */
  kernel: Float32Array;
  mse: number;
  sqnrDb: number;
  /** Storage of the layer: float32 vs. packed indices + float32 codebook. */
  float32Bytes: number;
  indexBytes: number;
  codebookBytes: number;
  bits: number;
}

/** One picture of the demo. */
export interface LearnFrame {
  phase: LearnPhase;
  /** Frame number from 0. */
  step: number;
  /** Lloyd iteration the frame belongs to (0 before the first assignment). */
  iteration: number;
  /** (k x d) codewords, null before the init. */
  centroids: Float64Array | null;
  /** (k x 2) codewords in the plane. */
  centroids2d: Float64Array | null;
  /** (n) codeword of each subvector, null before the first assignment. */
  assignments: Int32Array | null;
  /** Sum of squared distances of subvectors to their codewords, null before the first assignment. */
  inertia: number | null;
  /** Assignments changed by this assignment step (all n on the first). */
  changed: number | null;
  recon: Reconstruction | null;
  /** True on the last frame. */
  done: boolean;
}

/** Builds the demo's layer, subvectors and projection. Throws on settings out of range. */
export function createLearnDemo(s: LearnDemoSettings): LearnDemo {
  if (!(Number.isInteger(s.k) && s.k >= 2)) throw new Error(`Codebook size K must be an integer >= 2, got ${s.k}.`);
  if (!(Number.isInteger(s.d) && s.d >= 2)) throw new Error(`The demo draws subvectors in 2-D: d must be >= 2, got ${s.d}.`);
  const kernel = makeDemoKernel(s.rows, s.cols, s.seed);
  const layout = demoLayout(s.rows, s.cols, s.d);
  const sub32 = toSubvectors(kernel, layout);
  const sub = Float64Array.from(sub32);
  const n = layout.count;
  const projection = fitProjection(sub, n, s.d);
  const k = Math.min(s.k, n);
  // The init's randomness is its own stream of the seed, apart from the weights'.
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const init = Float64Array.from(kmeansPlusPlus(sub32, s.d, all, k, createRng((s.seed ^ 0x9e3779b9) >>> 0)));
  return {
    settings: s, kernel, layout, sub32, sub, n, k, projection,
    points2d: project(projection, sub, n), init, maxIter: s.maxIter ?? 30,
  };
}

/** The first frame: the weights alone. */
export function firstFrame(): LearnFrame {
  return { phase: 'weights', step: 0, iteration: 0, centroids: null, centroids2d: null, assignments: null, inertia: null, changed: null, recon: null, done: false };
}

/** The frame after `f`, or null after the last one. Pure. */
export function nextFrame(demo: LearnDemo, f: LearnFrame): LearnFrame | null {
  const { sub, n, k } = demo;
  const d = demo.layout.d;
  const base = { ...f, step: f.step + 1, changed: null };
  const withCentroids = (c: Float64Array) => ({ centroids: c, centroids2d: project(demo.projection, c, k) });
  switch (f.phase) {
    case 'weights':
      return { ...base, phase: 'cut' };
    case 'cut':
      return { ...base, phase: 'init', ...withCentroids(new Float64Array(demo.init)) };
    case 'init':
    case 'update': {
      const a = new Int32Array(n);
      const inertia = assignStep(sub, n, d, f.centroids!, k, a);
      let changed = n;
      if (f.assignments) { changed = 0; for (let i = 0; i < n; i++) if (a[i] !== f.assignments[i]) changed++; }
      return { ...base, phase: 'assign', iteration: f.iteration + 1, assignments: a, inertia, changed };
    }
    case 'assign': {
      if (f.changed === 0 || f.iteration >= demo.maxIter) return { ...base, phase: 'reconstruct', recon: reconstruct(demo, f), done: true };
      const c = updateStep(sub, n, d, f.assignments!, f.centroids!, k);
      return { ...base, phase: 'update', ...withCentroids(c), inertia: inertiaOf(sub, n, d, f.assignments!, c) };
    }
    case 'reconstruct':
      return null;
  }
}

function reconstruct(demo: LearnDemo, f: LearnFrame): Reconstruction {
  const { n, k, layout } = demo;
  const kernel = fromSubvectors(decode(f.assignments!, Float32Array.from(f.centroids!), layout.d, n), layout);
  const bits = bitsFor(k);
  return {
    kernel,
    mse: mse(demo.kernel, kernel),
    sqnrDb: sqnrDb(demo.kernel, kernel),
    float32Bytes: demo.kernel.length * 4,
    indexBytes: packedIndexBytes(n, bits),
    codebookBytes: k * layout.d * 4,
    bits,
  };
}

/** All frames from the first to the last (for tests and for jumping to the end). */
export function allFrames(demo: LearnDemo): LearnFrame[] {
  const out = [firstFrame()];
  for (let f = nextFrame(demo, out[0]); f; f = nextFrame(demo, f)) out.push(f);
  return out;
}
