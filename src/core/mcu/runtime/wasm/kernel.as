// AssemblyScript source of the virtual MCU's convolution kernels (WebAssembly SIMD128).
// Compiled by `npm run generate` (scripts/generate.mjs) into kernel.generated.ts (base64 bytes).
// Not TypeScript for tsc: the extension keeps it out of the project's type checks.
//
// Both kernels compute sixteen output units (channels) at once, one per SIMD lane in four vectors (four
// independent add chains keep the pipeline full), and every lane performs exactly the float32 operations
// of the scalar code, in the same order: acc = 0; for each valid tap
// (ky, kx), for each input channel ci: acc = acc + x * w; then y = acc + bias. So they give the results
// of ../kernels/conv.ts (Math.fround) and of yono_runtime.c bit for bit. Activations are applied by the
// caller. Pointers are byte offsets into this module's memory (the virtual MCU's SRAM).
//
//   w16  conv: the sixteen units' weights interleaved in tap-major order: float at ((r * inC + ci) * 16 + j)
//        is weight (tap r, input channel ci) of unit u + j. depthwise: float at (r * 16 + j).
//   y    NHWC output; lane j goes to channel u + j; only the first `nu` lanes are stored.

// Valid taps [a, b) of output position o along one axis: 0 <= o * stride - pad + t * dil < inN.
@inline function tapLo(o: i32, k: i32, stride: i32, dil: i32, pad: i32): i32 {
  const i0 = o * stride - pad;
  if (i0 >= 0) return 0;
  const a = (dil - 1 - i0) / dil;
  return a < k ? a : k;
}

@inline function tapHi(o: i32, inN: i32, k: i32, stride: i32, dil: i32, pad: i32, lo: i32): i32 {
  const room = inN - 1 - (o * stride - pad);
  let b = room < 0 ? 0 : room / dil + 1;
  if (b > k) b = k;
  return b > lo ? b : lo;
}

// Stores the first n (0..4) lanes of v at y.
@inline function storeN(y: usize, v: v128, n: i32): void {
  if (n >= 4) { v128.store(y, v); return; }
  if (n > 0) f32.store(y, f32x4.extract_lane(v, 0));
  if (n > 1) f32.store(y, f32x4.extract_lane(v, 1), 4);
  if (n > 2) f32.store(y, f32x4.extract_lane(v, 2), 8);
}

@inline function store16(y: usize, a: v128, b: v128, c: v128, d: v128, bias: usize, nu: i32): void {
  storeN(y, f32x4.add(a, v128.load(bias)), nu);
  if (nu > 4) storeN(y + 16, f32x4.add(b, v128.load(bias, 16)), nu - 4);
  if (nu > 8) storeN(y + 32, f32x4.add(c, v128.load(bias, 32)), nu - 8);
  if (nu > 12) storeN(y + 48, f32x4.add(d, v128.load(bias, 48)), nu - 12);
}

// Units u .. u + nu - 1 (nu <= 16) of a convolution (dense = 1x1, conv1d = H 1); `bias` points at 16
// floats. Returns the MACs of one unit.
export function conv16(x: usize, y: usize, w: usize, bias: usize,
  inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32, kh: i32, kw: i32, sh: i32, sw: i32,
  dh: i32, dw: i32, padT: i32, padL: i32, u: i32, nu: i32): f64 {
  const rowStride = inW * inC;
  let macs: f64 = 0;
  for (let oy = 0; oy < outH; oy++) {
    const ky0 = tapLo(oy, kh, sh, dh, padT);
    const ky1 = tapHi(oy, inH, kh, sh, dh, padT, ky0);
    const iy0 = oy * sh - padT;
    for (let ox = 0; ox < outW; ox++) {
      const kx0 = tapLo(ox, kw, sw, dw, padL);
      const kx1 = tapHi(ox, inW, kw, sw, dw, padL, kx0);
      const ix0 = ox * sw - padL;
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
      for (let ky = ky0; ky < ky1; ky++) {
        const xr = (iy0 + ky * dh) * rowStride;
        for (let kx = kx0; kx < kx1; kx++) {
          let xp = x + (<usize>(xr + (ix0 + kx * dw) * inC) << 2);
          let wp = w + (<usize>((ky * kw + kx) * inC) << 6);
          const xe = xp + (<usize>inC << 2);
          while (xp < xe) {
            const xv = v128.load32_splat(xp);
            a0 = f32x4.add(a0, f32x4.mul(xv, v128.load(wp)));
            a1 = f32x4.add(a1, f32x4.mul(xv, v128.load(wp, 16)));
            a2 = f32x4.add(a2, f32x4.mul(xv, v128.load(wp, 32)));
            a3 = f32x4.add(a3, f32x4.mul(xv, v128.load(wp, 48)));
            xp += 4;
            wp += 64;
          }
        }
      }
      macs += <f64>(inC * (ky1 - ky0) * (kx1 - kx0));
      store16(y + (<usize>((oy * outW + ox) * outC + u) << 2), a0, a1, a2, a3, bias, nu);
    }
  }
  return macs;
}

// Channels u .. u + nu - 1 (nu <= 16) of a depthwise convolution with multiplier 1 (channel u reads
// input channel u). Returns the MACs of one channel.
export function depthwise16(x: usize, y: usize, w: usize, bias: usize,
  inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, kh: i32, kw: i32, sh: i32, sw: i32,
  dh: i32, dw: i32, padT: i32, padL: i32, u: i32, nu: i32): f64 {
  const rowStride = inW * inC;
  let macs: f64 = 0;
  for (let oy = 0; oy < outH; oy++) {
    const ky0 = tapLo(oy, kh, sh, dh, padT);
    const ky1 = tapHi(oy, inH, kh, sh, dh, padT, ky0);
    const iy0 = oy * sh - padT;
    for (let ox = 0; ox < outW; ox++) {
      const kx0 = tapLo(ox, kw, sw, dw, padL);
      const kx1 = tapHi(ox, inW, kw, sw, dw, padL, kx0);
      const ix0 = ox * sw - padL;
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
      for (let ky = ky0; ky < ky1; ky++) {
        const xr = (iy0 + ky * dh) * rowStride + u;
        for (let kx = kx0; kx < kx1; kx++) {
          const xp = x + (<usize>(xr + (ix0 + kx * dw) * inC) << 2);
          const wp = w + (<usize>(ky * kw + kx) << 6);
          a0 = f32x4.add(a0, f32x4.mul(v128.load(xp), v128.load(wp)));
          a1 = f32x4.add(a1, f32x4.mul(v128.load(xp, 16), v128.load(wp, 16)));
          a2 = f32x4.add(a2, f32x4.mul(v128.load(xp, 32), v128.load(wp, 32)));
          a3 = f32x4.add(a3, f32x4.mul(v128.load(xp, 48), v128.load(wp, 48)));
        }
      }
      macs += <f64>((ky1 - ky0) * (kx1 - kx0));
      store16(y + (<usize>((oy * outW + ox) * inC + u) << 2), a0, a1, a2, a3, bias, nu);
    }
  }
  return macs;
}
