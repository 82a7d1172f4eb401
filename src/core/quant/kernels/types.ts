/**
 * Shapes and quantisation of the int8 reference kernels (the TypeScript twins of
 * src/core/bundle/c/int8/yono_kernels_s8.c).
 */

/** NHWC geometry with batch 1, as the runtime's ops use it (conv1d: H = 1; dense: 1 x 1 x C in, 1 x 1 x units out). */
export interface S8Geometry {
  inH: number; inW: number; inC: number;
  outH: number; outW: number; outC: number;
  kh: number; kw: number; sh: number; sw: number; dh: number; dw: number;
  padT: number; padL: number;
}

/** Quantisation of one op: zero points, activation clamp, per-output-channel bias and requantisation. */
export interface S8Quant {
  inZp: number;
  outZp: number;
  actMin: number;
  actMax: number;
  /** int32 per output channel, or null. */
  bias: Int32Array | null;
  /** Per output channel: multiplier in [0, 2^31) and shift −31..31 (quantizeMultiplier). */
  mult: Int32Array;
  shift: Int32Array;
}
