/**
 * Subvector layouts: how a layer kernel is cut into the (count x d) subvectors that PQ clusters.
 * See README.md in this folder for the order; the bundle and the C runtime follow it.
 */

/** Layer kinds whose kernels PQ can compress. Shapes are tfjs layouts (see core/models/ir.ts). */
export type KernelKind = 'dense' | 'conv1d' | 'conv2d' | 'depthwiseConv2d';

/** Where every weight of a kernel goes among its subvectors. */
export interface SubvectorLayout {
  kind: KernelKind;
  /** The kernel shape (tfjs order): dense (in x units), conv1d (k x cin x cout), conv2d (kh x kw x cin x cout), depthwise (kh x kw x cin x mult). */
  shape: number[];
  /** Subvector length. */
  d: number;
  /** Output units: units (dense), cout (conv), cin * mult (depthwise, unit = ci * mult + m). */
  units: number;
  /** Receptive-field length per unit: in, k * cin, kh * kw * cin, kh * kw. */
  fieldSize: number;
  /** ceil(fieldSize / d): subvectors per unit. */
  chunksPerUnit: number;
  /** Zeros appended to the last chunk of every unit: chunksPerUnit * d - fieldSize. */
  padding: number;
  /** units * chunksPerUnit: subvectors in the whole kernel. */
  count: number;
}

const RANK: Record<KernelKind, number> = { dense: 2, conv1d: 3, conv2d: 4, depthwiseConv2d: 4 };

function checkShape(kind: KernelKind, shape: number[], d: number): void {
  if (!(kind in RANK)) throw new Error(`subvectorLayout: unknown kernel kind '${String(kind)}'; use dense, conv1d, conv2d or depthwiseConv2d`);
  if (shape.length !== RANK[kind] || !shape.every((s) => Number.isInteger(s) && s > 0)) {
    throw new Error(`subvectorLayout: a ${kind} kernel needs ${RANK[kind]} positive integer dimensions, got [${shape.join(', ')}]`);
  }
  if (!Number.isInteger(d) || d < 1) throw new Error(`subvectorLayout: d must be a positive integer, got ${d}`);
}

/** The layout of a `kind` kernel of `shape` cut into subvectors of length `d`. */
export function subvectorLayout(kind: KernelKind, shape: number[], d: number): SubvectorLayout {
  checkShape(kind, shape, d);
  let units: number;
  let fieldSize: number;
  switch (kind) {
    case 'dense': units = shape[1]; fieldSize = shape[0]; break;
    case 'conv1d': units = shape[2]; fieldSize = shape[0] * shape[1]; break;
    case 'conv2d': units = shape[3]; fieldSize = shape[0] * shape[1] * shape[2]; break;
    case 'depthwiseConv2d': units = shape[2] * shape[3]; fieldSize = shape[0] * shape[1]; break;
  }
  const chunksPerUnit = Math.ceil(fieldSize / d);
  return { kind, shape: shape.slice(), d, units, fieldSize, chunksPerUnit, padding: chunksPerUnit * d - fieldSize, count: units * chunksPerUnit };
}

/**
 * Kernel offsets of unit 0's receptive field, in field order: weight f of unit u is at
 * `kernel[base[f] + u]` for every kind (units are the fastest-varying kernel axis in tfjs layouts).
 */
export function fieldOffsets(layout: SubvectorLayout): Int32Array {
  const s = layout.shape;
  const base = new Int32Array(layout.fieldSize);
  let f = 0;
  switch (layout.kind) {
    case 'dense': // unit u: for i
      for (let i = 0; i < s[0]; i++) base[f++] = i * s[1];
      break;
    case 'conv1d': // unit o: for ci, for t   (kernel (k x cin x cout))
      for (let ci = 0; ci < s[1]; ci++) for (let t = 0; t < s[0]; t++) base[f++] = (t * s[1] + ci) * s[2];
      break;
    case 'conv2d': // unit o: for ci, for ky, for kx   (kernel (kh x kw x cin x cout))
      for (let ci = 0; ci < s[2]; ci++) {
        for (let ky = 0; ky < s[0]; ky++) for (let kx = 0; kx < s[1]; kx++) base[f++] = ((ky * s[1] + kx) * s[2] + ci) * s[3];
      }
      break;
    case 'depthwiseConv2d': // unit ci * mult + m: for ky, for kx   (kernel (kh x kw x cin x mult))
      for (let ky = 0; ky < s[0]; ky++) for (let kx = 0; kx < s[1]; kx++) base[f++] = (ky * s[1] + kx) * s[2] * s[3];
      break;
  }
  return base;
}

function kernelLength(layout: SubvectorLayout): number {
  return layout.units * layout.fieldSize;
}

/** Cuts a kernel into its (count x d) subvectors; padding positions are 0. */
export function toSubvectors(kernel: Float32Array, layout: SubvectorLayout): Float32Array {
  if (kernel.length !== kernelLength(layout)) {
    throw new Error(`toSubvectors: the kernel has ${kernel.length} values but shape [${layout.shape.join(', ')}] needs ${kernelLength(layout)}`);
  }
  const base = fieldOffsets(layout);
  const per = layout.chunksPerUnit * layout.d;
  const out = new Float32Array(layout.count * layout.d); // (count x d)
  for (let u = 0; u < layout.units; u++) {
    const o = u * per;
    for (let f = 0; f < base.length; f++) out[o + f] = kernel[base[f] + u];
  }
  return out;
}

/** Rebuilds the kernel from its (count x d) subvectors: the exact inverse of toSubvectors (padding dropped). */
export function fromSubvectors(sub: Float32Array, layout: SubvectorLayout): Float32Array {
  if (sub.length !== layout.count * layout.d) {
    throw new Error(`fromSubvectors: got ${sub.length} values, the layout needs count * d = ${layout.count * layout.d}`);
  }
  const base = fieldOffsets(layout);
  const per = layout.chunksPerUnit * layout.d;
  const out = new Float32Array(kernelLength(layout));
  for (let u = 0; u < layout.units; u++) {
    const o = u * per;
    for (let f = 0; f < base.length; f++) out[base[f] + u] = sub[o + f];
  }
  return out;
}
