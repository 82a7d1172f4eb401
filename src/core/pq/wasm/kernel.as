// AssemblyScript source of the PQ assignment kernel (WebAssembly SIMD128).
// Compiled by `npm run generate` (scripts/generate.mjs) into kernel.generated.ts, which holds the
// bytes as base64. Not TypeScript for tsc: the extension keeps it out of the project's type checks.
//
// Memory layouts (all pointers are byte offsets into this module's memory; see ../README.md):
//   xt     points, transposed in blocks of 4: block b holds, for each dim j, the four floats
//          x[4b][j], x[4b+1][j], x[4b+2][j], x[4b+3][j] (16 bytes); a block is d * 16 bytes.
//   rows   one row per codeword c, stride (d + 2) * 4 bytes: [ ||c||² (f32), c (i32), -2 c[0..d-1] (f32) ]
//   scratch k * 16 bytes, partial scores of one block when d > 8
//   out    one u32 per point (nBlocks * 4)
//   sums   (k x d) f64, counts (k) u32
//
// The score of point x against codeword c is ||c||² + sum_j x[j] * (-2 c[j]), summed in float32 in
// that order (j ascending); the smallest score wins, the lowest index on ties. The plain TypeScript
// fallback (../engine-ts.ts) performs exactly the same float32 operations, so both give the same
// assignments bit for bit.



// One pass over all k codewords for one block of 4 points and W (1..8) dims held in registers.
// FIRST: start from ||c||², else from the partial score in scratch. LAST: keep the running argmin,
// else store the partial score to scratch. W, FIRST and LAST are constants at every call site, so
// after inlining each call is a straight-line loop body.
@inline function pass(W: i32, FIRST: bool, LAST: bool, xb: usize, rows: usize, end: usize, stride: usize, mOff: usize, scratch: usize): v128 {
  const x0 = v128.load(xb);
  const x1 = W > 1 ? v128.load(xb, 16) : x0;
  const x2 = W > 2 ? v128.load(xb, 32) : x0;
  const x3 = W > 3 ? v128.load(xb, 48) : x0;
  const x4 = W > 4 ? v128.load(xb, 64) : x0;
  const x5 = W > 5 ? v128.load(xb, 80) : x0;
  const x6 = W > 6 ? v128.load(xb, 96) : x0;
  const x7 = W > 7 ? v128.load(xb, 112) : x0;
  let best = f32x4.splat(Infinity);
  let bestI = i32x4.splat(0);
  let rp = rows;
  let sp = scratch;
  while (rp < end) {
    let s = FIRST ? v128.load32_splat(rp) : v128.load(sp);
    // s += x[j] * (-2 c[j]); offsets are immediates so the loop does no address arithmetic.
    const mp = rp + mOff;
    s = f32x4.add(s, f32x4.mul(x0, v128.load32_splat(mp)));
    if (W > 1) s = f32x4.add(s, f32x4.mul(x1, v128.load32_splat(mp, 4)));
    if (W > 2) s = f32x4.add(s, f32x4.mul(x2, v128.load32_splat(mp, 8)));
    if (W > 3) s = f32x4.add(s, f32x4.mul(x3, v128.load32_splat(mp, 12)));
    if (W > 4) s = f32x4.add(s, f32x4.mul(x4, v128.load32_splat(mp, 16)));
    if (W > 5) s = f32x4.add(s, f32x4.mul(x5, v128.load32_splat(mp, 20)));
    if (W > 6) s = f32x4.add(s, f32x4.mul(x6, v128.load32_splat(mp, 24)));
    if (W > 7) s = f32x4.add(s, f32x4.mul(x7, v128.load32_splat(mp, 28)));
    if (LAST) {
      // pmin(best, s) = s < best ? s : best. Indices rise with c, so the index of the last strict
      // improvement is the max over improving c of (c & mask).
      const lt = f32x4.lt(s, best);
      best = f32x4.pmin(best, s);
      bestI = i32x4.max_s(bestI, v128.and(v128.load32_splat(rp, 4), lt));
    } else {
      v128.store(sp, s);
    }
    rp += stride;
    if (!FIRST || !LAST) sp += 16;
  }
  return bestI;
}

// d <= 8: a single pass with every dim in registers.
@inline function small(d: i32, xb: usize, rows: usize, end: usize, stride: usize): v128 {
  switch (d) {
    case 1: return pass(1, true, true, xb, rows, end, stride, 8, 0);
    case 2: return pass(2, true, true, xb, rows, end, stride, 8, 0);
    case 3: return pass(3, true, true, xb, rows, end, stride, 8, 0);
    case 4: return pass(4, true, true, xb, rows, end, stride, 8, 0);
    case 5: return pass(5, true, true, xb, rows, end, stride, 8, 0);
    case 6: return pass(6, true, true, xb, rows, end, stride, 8, 0);
    case 7: return pass(7, true, true, xb, rows, end, stride, 8, 0);
    default: return pass(8, true, true, xb, rows, end, stride, 8, 0);
  }
}

// d > 8: chunks of 8 dims; partial scores go through scratch; the last chunk (1..8 dims) compares.
@inline function large(d: i32, xb: usize, rows: usize, end: usize, stride: usize, scratch: usize): v128 {
  pass(8, true, false, xb, rows, end, stride, 8, scratch);
  let j = 8;
  while (d - j > 8) {
    pass(8, false, false, xb + (<usize>j << 4), rows, end, stride, 8 + (<usize>j << 2), scratch);
    j += 8;
  }
  const xl = xb + (<usize>j << 4);
  const ml: usize = (<usize>j << 2) + 8;
  switch (d - j) {
    case 1: return pass(1, false, true, xl, rows, end, stride, ml, scratch);
    case 2: return pass(2, false, true, xl, rows, end, stride, ml, scratch);
    case 3: return pass(3, false, true, xl, rows, end, stride, ml, scratch);
    case 4: return pass(4, false, true, xl, rows, end, stride, ml, scratch);
    case 5: return pass(5, false, true, xl, rows, end, stride, ml, scratch);
    case 6: return pass(6, false, true, xl, rows, end, stride, ml, scratch);
    case 7: return pass(7, false, true, xl, rows, end, stride, ml, scratch);
    default: return pass(8, false, true, xl, rows, end, stride, ml, scratch);
  }
}

/** Nearest codeword (index) of every point of blocks [b0, b1), written to out[4b .. 4b + 3]. */
export function assignBlocks(xt: usize, b0: i32, b1: i32, d: i32, rows: usize, k: i32, scratch: usize, out: usize): void {
  const stride = <usize>(d + 2) << 2;
  const end = rows + <usize>k * stride;
  const blockBytes = <usize>d << 4;
  for (let b = b0; b < b1; b++) {
    const xb = xt + <usize>b * blockBytes;
    const r = d <= 8 ? small(d, xb, rows, end, stride) : large(d, xb, rows, end, stride, scratch);
    v128.store(out + (<usize>b << 4), r);
  }
}

/**
 * For points [i0, i1): the exact squared distance (float64) to the assigned codeword, summed and
 * returned; when `withSums`, also adds each point to its cluster's float64 sum and count. Points
 * are visited in index order, dims in ascending order, so the sums are reproducible.
 */
export function accumulate(xt: usize, i0: i32, i1: i32, d: i32, assign: usize, rows: usize, withSums: bool, sums: usize, counts: usize): f64 {
  const stride = <usize>(d + 2) << 2;
  const blockBytes = <usize>d << 4;
  let inertia: f64 = 0;
  for (let i = i0; i < i1; i++) {
    const a = <usize>load<u32>(assign + (<usize>i << 2));
    const xp = xt + <usize>(i >> 2) * blockBytes + (<usize>(i & 3) << 2);
    const mp = rows + a * stride + 8;
    let dist: f64 = 0;
    if (withSums) {
      const sp = sums + a * (<usize>d << 3);
      for (let j = 0; j < d; j++) {
        const xv = <f64>load<f32>(xp + (<usize>j << 4));
        const diff = xv + <f64>load<f32>(mp + (<usize>j << 2)) * 0.5; // x - c, as -2c is stored
        dist += diff * diff;
        const q = sp + (<usize>j << 3);
        store<f64>(q, load<f64>(q) + xv);
      }
      const cq = counts + (a << 2);
      store<u32>(cq, load<u32>(cq) + 1);
    } else {
      for (let j = 0; j < d; j++) {
        const diff = <f64>load<f32>(xp + (<usize>j << 4)) + <f64>load<f32>(mp + (<usize>j << 2)) * 0.5;
        dist += diff * diff;
      }
    }
    inertia += dist;
  }
  return inertia;
}
