/*
 * yono_kernels_s8.c - int8 kernels of the YONO runtime (exported by YONO Workbench); see yono_kernels_s8.h.
 * The DSP path (__ARM_FEATURE_DSP: Cortex-M4/M7/M33 with DSP) and the portable path compute the same
 * int32 sums in the same order of magnitude-safe steps, so both give the same bits (a test compares them
 * with the workbench's TypeScript reference on the host and on an emulated Cortex-M7).
 */
#include <string.h>
#include "yono_fixed_point.h"
#include "yono_kernels_s8.h"
#if defined(__ARM_FEATURE_DSP)
#include <arm_acle.h>
#endif

/* ---- requantisation ---- */

/*
 * yono_requantize for a multiplier in [0, 2^31), in fewer instructions: the doubling high multiply
 * cannot saturate then, so its result v is above INT32_MIN, and the rounding right shift by e >= 1
 * (ties away from zero) is (t >> e) + bit e-1 of t with t = v - 1 for negative v (as CMSIS-NN's
 * assembly does it). Same bits as yono_multiply_by_quantized_multiplier (tests compare them).
 */
#if defined(__GNUC__)
#define YONO_UNLIKELY(c) __builtin_expect(!!(c), 0)
#define YONO_LIKELY(c) __builtin_expect(!!(c), 1)
#else
#define YONO_UNLIKELY(c) (c)
#define YONO_LIKELY(c) (c)
#endif

static inline int8_t requant(int32_t acc, int32_t mult, int32_t shift, int32_t zp, int32_t lo, int32_t hi) {
  int32_t v;
  if (YONO_UNLIKELY(shift > 0)) {
    int64_t t = (int64_t)acc * ((int64_t)1 << shift);
    acc = t > INT32_MAX ? INT32_MAX : t < INT32_MIN ? INT32_MIN : (int32_t)t;
  }
  v = (int32_t)(((int64_t)acc * (int64_t)mult + ((int64_t)1 << 30)) >> 31);
  if (YONO_LIKELY(shift < 0)) {
    int32_t t = v - (int32_t)((uint32_t)v >> 31);
    v = (t >> -shift) + ((t >> (-shift - 1)) & 1);
  }
  v += zp;
  return (int8_t)(v < lo ? lo : v > hi ? hi : v);
}

/* The op's quantisation in locals (stores to int8 outputs may alias anything, so fields would be reloaded). */
typedef struct {
  const int32_t *bias, *mult, *shift;
  int32_t zp, lo, hi;
} rq_params;

static inline rq_params rq_of(const yono_s8_quant *q) {
  rq_params r;
  r.bias = q->bias; r.mult = q->mult; r.shift = q->shift;
  r.zp = q->out_zp; r.lo = q->act_min; r.hi = q->act_max;
  return r;
}

#define REQUANT(acc, r, u) requant((acc), (r).mult[u], (r).shift[u], (r).zp, (r).lo, (r).hi)

/* ---- small helpers ---- */

static inline int32_t read32(const void *p) {
  int32_t v;
  memcpy(&v, p, 4);
  return v;
}

static inline void write32(void *p, uint32_t v) { memcpy(p, &v, 4); }

/* First and one-past-last valid tap of output position o along one axis (taps in the padding are skipped). */
static void tap_range(int32_t o, int32_t in_n, int32_t k, int32_t stride, int32_t dil, int32_t pad, int32_t *a, int32_t *b) {
  int32_t i0 = o * stride - pad;
  int32_t room = in_n - 1 - i0;
  int32_t lo = i0 >= 0 ? 0 : (dil - 1 - i0) / dil;
  int32_t hi = room < 0 ? 0 : room / dil + 1;
  if (lo > k) lo = k;
  if (hi > k) hi = k;
  *a = lo;
  *b = hi > lo ? hi : lo;
}

/* dst[i] = src[i] + offset as int16, i < n (offset = -zero point: x - zp is in [-255, 255]). */
static inline void widen(const int8_t *src, int16_t *dst, int32_t n, int32_t offset) {
#if defined(__ARM_FEATURE_DSP)
  const int32_t off2 = (int32_t)(((uint32_t)offset & 0xffffu) | ((uint32_t)offset << 16));
  while (n >= 4) {
    uint32_t v = (uint32_t)read32(src);
    uint32_t even = (uint32_t)__sxtab16(off2, (int32_t)v);                         /* x0, x2 */
    uint32_t odd = (uint32_t)__sxtab16(off2, (int32_t)((v >> 8) | (v << 24)));     /* x1, x3 */
    write32(dst, (even & 0xffffu) | (odd << 16));
    write32(dst + 2, (even >> 16) | (odd & 0xffff0000u));
    src += 4;
    dst += 4;
    n -= 4;
  }
#endif
  while (n-- > 0) *dst++ = (int16_t)(*src++ + offset);
}

/* ---- weights: one unit's receptive field in tap-major order ((ky * k_w + kx) * cin + ci) ---- */

typedef struct {
  const uint8_t *p;
  uint32_t acc, mask;
  int32_t n, bits;
} bit_reader;

static inline void reader_at(bit_reader *r, const uint8_t *stream, uint32_t bit, int32_t bits) {
  r->p = stream + (bit >> 3);
  r->acc = (uint32_t)(*r->p++) >> (bit & 7u);
  r->n = 8 - (int32_t)(bit & 7u);
  r->bits = bits;
  r->mask = (1u << bits) - 1u;
}

static inline uint32_t reader_next(bit_reader *r) {
  uint32_t v;
  while (r->n < r->bits) {
    r->acc |= (uint32_t)(*r->p++) << r->n;
    r->n += 8;
  }
  v = r->acc & r->mask;
  r->acc >>= r->bits;
  r->n -= r->bits;
  return v;
}

/* Unit u's field in the PQ order (input channel, then tap) as int16 in out[0 .. field): codeword copies. */
static void decode_pq_sequential(const yono_s8_weights *w, int32_t u, int16_t *out) {
  const int32_t d = w->d, n = w->field, full = n / d, rest = n - full * d;
  const uint32_t start = (uint32_t)u * (uint32_t)w->chunks * (uint32_t)w->bits;
  const int8_t *cb = w->codebook;
  int32_t c, j;
  if (w->bits == 8) {
    const uint8_t *ip = w->indices + (start >> 3);
    if (d == 2) {
      for (c = 0; c < full; c++, out += 2) { const int8_t *cw = cb + 2 * (int32_t)ip[c]; out[0] = cw[0]; out[1] = cw[1]; }
    } else {
      for (c = 0; c < full; c++, out += d) { const int8_t *cw = cb + d * (int32_t)ip[c]; for (j = 0; j < d; j++) out[j] = cw[j]; }
    }
    if (rest) { const int8_t *cw = cb + d * (int32_t)ip[full]; for (j = 0; j < rest; j++) out[j] = cw[j]; }
  } else {
    bit_reader br;
    reader_at(&br, w->indices, start, w->bits);
    for (c = 0; c < full; c++, out += d) {
      const int8_t *cw = cb + reader_next(&br) * (uint32_t)d;
      for (j = 0; j < d; j++) out[j] = cw[j];
    }
    if (rest) { const int8_t *cw = cb + reader_next(&br) * (uint32_t)d; for (j = 0; j < rest; j++) out[j] = cw[j]; }
  }
}

/*
 * Unit u's weights as int16 in row[0 .. row_len): tap-major order ((ky * k_w + kx) * cin + ci), zero
 * after the field. PQ: the codewords are copied in the PQ order (input channel, then tap) - into `tmp`
 * (field values) and transposed when there are several taps and channels, straight into the row when
 * both orders agree (one tap, or one channel).
 */
static void decode_row(const yono_s8_weights *w, int32_t u, int32_t taps, int32_t cin, int16_t *row, int32_t row_len, int16_t *tmp) {
  int32_t t, n = w->field;
  if (w->format == YONO_S8_W_INT8) {
    const int8_t *q = w->q + u;
    for (t = 0; t < n; t++) row[t] = q[t * w->units];
  } else if (taps == 1 || cin == 1) {
    decode_pq_sequential(w, u, row);
  } else {
    int32_t r, ci;
    decode_pq_sequential(w, u, tmp);
    for (r = 0; r < taps; r++) {
      const int16_t *src = tmp + r;
      int16_t *dst = row + r * cin;
      for (ci = 0; ci < cin; ci++) dst[ci] = src[ci * taps];
    }
  }
  for (t = n; t < row_len; t++) row[t] = 0;
}

/* ---- convolution ---- */

/*
 * The im2col column of output position p: tap-major, input offset applied, padding taps 0. A kernel row
 * whose taps all lie inside the input (and are adjacent: d_w = 1) is one contiguous run of k_w * in_c
 * values, widened in one go.
 */
static void im2col(const yono_s8_geom *g, const int8_t *x, int32_t p, int32_t offset, int16_t *col, int32_t row_len) {
  const int32_t in_c = g->in_c, k_w = g->k_w, in_w = g->in_w;
  int32_t ky, kx, t;
  int32_t oy = p / g->out_w, ox = p - oy * g->out_w;
  int32_t iy0 = oy * g->s_h - g->pad_t, ix0 = ox * g->s_w - g->pad_l;
  int32_t whole = g->d_w == 1 && ix0 >= 0 && ix0 + k_w <= in_w;
  int16_t *o = col;
  for (ky = 0; ky < g->k_h; ky++) {
    int32_t iy = iy0 + ky * g->d_h;
    if (iy < 0 || iy >= g->in_h) {
      for (t = 0; t < k_w * in_c; t++) *o++ = 0;
      continue;
    }
    if (whole) {
      widen(x + (iy * in_w + ix0) * in_c, o, k_w * in_c, offset);
      o += k_w * in_c;
      continue;
    }
    for (kx = 0; kx < k_w; kx++) {
      int32_t ix = ix0 + kx * g->d_w;
      if (ix < 0 || ix >= in_w) {
        for (t = 0; t < in_c; t++) *o++ = 0;
      } else {
        widen(x + (iy * in_w + ix) * in_c, o, in_c, offset);
        o += in_c;
      }
    }
  }
  while (o < col + row_len) *o++ = 0;
}

#if defined(__ARM_FEATURE_DSP)
/* One pair step of the 2x2 block: channels (wa, wb) times columns (xa, xb). */
#define MAC_2x2(wa, wb, xa, xb) do {                                   \
    s00 = __smlad(wa, xa, s00); s01 = __smlad(wa, xb, s01);           \
    s10 = __smlad(wb, xa, s10); s11 = __smlad(wb, xb, s11);           \
  } while (0)
#endif

/* Two channels' rows (w0, w1) times two columns (a, b) over n values (n even), added to the sums. */
static inline void dot_2x2(const int16_t *w0, const int16_t *w1, const int16_t *a, const int16_t *b, int32_t n, int32_t *s) {
  int32_t s00 = s[0], s01 = s[1], s10 = s[2], s11 = s[3];
#if defined(__ARM_FEATURE_DSP)
  int32_t k = n >> 2;
  while (k--) {
    int32_t wa = read32(w0), wb = read32(w1), xa = read32(a), xb = read32(b);
    int32_t wa2 = read32(w0 + 2), wb2 = read32(w1 + 2), xa2 = read32(a + 2), xb2 = read32(b + 2);
    MAC_2x2(wa, wb, xa, xb);
    MAC_2x2(wa2, wb2, xa2, xb2);
    w0 += 4; w1 += 4; a += 4; b += 4;
  }
  if (n & 2) {
    int32_t wa = read32(w0), wb = read32(w1), xa = read32(a), xb = read32(b);
    MAC_2x2(wa, wb, xa, xb);
  }
#else
  int32_t k;
  for (k = 0; k < n; k++) {
    s00 += w0[k] * a[k]; s01 += w0[k] * b[k];
    s10 += w1[k] * a[k]; s11 += w1[k] * b[k];
  }
#endif
  s[0] = s00; s[1] = s01; s[2] = s10; s[3] = s11;
}

static inline int32_t dot1(const int16_t *w, const int16_t *a, int32_t n, int32_t s) {
  int32_t k;
#if defined(__ARM_FEATURE_DSP)
  for (k = 0; k < n; k += 2) s = __smlad(read32(w + k), read32(a + k), s);
#else
  for (k = 0; k < n; k++) s += w[k] * a[k];
#endif
  return s;
}

/* Rows [0, nt) of the tile (channels u0 + i) against columns c0 (-> y0) and c1 (-> y1, or 0 for none). */
static void tile_times_columns(const int16_t *rows, int32_t nt, int32_t row_len, const int16_t *c0, const int16_t *c1,
                               int32_t u0, rq_params r, int8_t *y0, int8_t *y1) {
  int32_t i;
  for (i = 0; i + 1 < nt; i += 2) {
    const int32_t u = u0 + i;
    const int32_t b0 = r.bias ? r.bias[u] : 0, b1 = r.bias ? r.bias[u + 1] : 0;
    const int16_t *w0 = rows + i * row_len;
    if (c1) {
      /* parameters and results in locals first: the int8 stores may alias anything, so the compiler
         would reload every parameter after each store */
      const int32_t m0 = r.mult[u], h0 = r.shift[u], m1 = r.mult[u + 1], h1 = r.shift[u + 1];
      int32_t s[4];
      int8_t o00, o01, o10, o11;
      s[0] = b0; s[1] = b0; s[2] = b1; s[3] = b1;
      dot_2x2(w0, w0 + row_len, c0, c1, row_len, s);
      o00 = requant(s[0], m0, h0, r.zp, r.lo, r.hi);
      o01 = requant(s[1], m0, h0, r.zp, r.lo, r.hi);
      o10 = requant(s[2], m1, h1, r.zp, r.lo, r.hi);
      o11 = requant(s[3], m1, h1, r.zp, r.lo, r.hi);
      y0[u] = o00; y0[u + 1] = o10;
      y1[u] = o01; y1[u + 1] = o11;
    } else {
      y0[u] = REQUANT(dot1(w0, c0, row_len, b0), r, u);
      y0[u + 1] = REQUANT(dot1(w0 + row_len, c0, row_len, b1), r, u + 1);
    }
  }
  if (i < nt) {
    const int32_t u = u0 + i;
    const int32_t b0 = r.bias ? r.bias[u] : 0;
    const int16_t *w0 = rows + i * row_len;
    y0[u] = REQUANT(dot1(w0, c0, row_len, b0), r, u);
    if (c1) y1[u] = REQUANT(dot1(w0, c1, row_len, b0), r, u);
  }
}

int32_t yono_s8_conv_scratch_min(const yono_s8_geom *g) {
  int32_t row_len = (g->k_h * g->k_w * g->in_c + 1) & ~1;
  return 3 * row_len;
}

int yono_s8_conv(const yono_s8_geom *g, const yono_s8_weights *w, const yono_s8_quant *q,
                 const int8_t *x, int8_t *y, int16_t *scratch, int32_t scratch_len) {
  const int32_t taps = g->k_h * g->k_w, out_c = g->out_c, offset = -q->in_zp;
  const int32_t row_len = (w->field + 1) & ~1;
  const int32_t positions = g->out_h * g->out_w;
  const rq_params r = rq_of(q);
  /* scratch: [column 0][column 1][tile of decoded rows] */
  int16_t *c0 = scratch, *c1 = c0 + row_len, *rows = c1 + row_len;
  int32_t tile = (scratch_len - 2 * row_len) / row_len;
  int32_t u0, p;
  if (w->field != taps * g->in_c || w->units != out_c) return -1;
  if (tile < 1) return -1;
  if (tile > out_c) tile = out_c;
  for (u0 = 0; u0 < out_c; u0 += tile) {
    int32_t i, nt = out_c - u0 < tile ? out_c - u0 : tile;
    for (i = 0; i < nt; i++) decode_row(w, u0 + i, taps, g->in_c, rows + i * row_len, row_len, c0);
    for (p = 0; p < positions; p += 2) {
      const int32_t two = p + 1 < positions;
      im2col(g, x, p, offset, c0, row_len);
      if (two) im2col(g, x, p + 1, offset, c1, row_len);
      tile_times_columns(rows, nt, row_len, c0, two ? c1 : 0, u0, r, y + p * out_c, two ? y + (p + 1) * out_c : 0);
    }
  }
  return 0;
}

/* ---- depthwise ---- */

/*
 * Grouped layout of the decoded depthwise weights (multiplier 1, channels a multiple of 4): per group of
 * four channels c..c+3, its taps one after the other, each tap's four weights in the order c, c+2, c+1,
 * c+3 - the order in which __sxtab16 unpacks four int8 channels into two int16 pairs.
 */
static inline int32_t dw_slot(int32_t c, int32_t t, int32_t taps) {
  return (c & ~3) * taps + t * 4 + (((c & 1) << 1) | ((c >> 1) & 1));
}

/* One tap for four channels: x at xp (4 int8), weights at wp (4 int16, dw_slot order). */
#if defined(__ARM_FEATURE_DSP)
#define DW_TAP(xp, wp) do {                                                          \
    uint32_t v_ = (uint32_t)read32(xp);                                              \
    int32_t even_ = __sxtab16(off2, (int32_t)v_);                   /* x_c, x_c+2 */ \
    int32_t odd_ = __sxtab16(off2, (int32_t)((v_ >> 8) | (v_ << 24))); /* x_c+1, x_c+3 */ \
    int32_t wa_ = read32(wp), wb_ = read32((wp) + 2);                                \
    s0 = __smlabb(even_, wa_, s0); s2 = __smlatt(even_, wa_, s2);                    \
    s1 = __smlabb(odd_, wb_, s1); s3 = __smlatt(odd_, wb_, s3);                      \
  } while (0)
#else
#define DW_TAP(xp, wp) do {                                                          \
    s0 += ((xp)[0] + offset) * (wp)[0]; s2 += ((xp)[2] + offset) * (wp)[1];          \
    s1 += ((xp)[1] + offset) * (wp)[2]; s3 += ((xp)[3] + offset) * (wp)[3];          \
  } while (0)
#endif

/*
 * Four channels at one output position: x at xc (the window's first tap, channel c), the group's weights
 * at wg; taps [ky0, ky1) x [kx0, kx1) of a k_w-wide window, rows `row` bytes apart, taps `xstep` apart.
 */
static inline void dw_group(const int8_t *xc, const int16_t *wg, int32_t row, int32_t xstep, int32_t k_w,
                            int32_t ky0, int32_t ky1, int32_t kx0, int32_t kx1, int32_t offset, int32_t *s) {
  int32_t s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3], ky, kx;
#if defined(__ARM_FEATURE_DSP)
  const int32_t off2 = (int32_t)(((uint32_t)offset & 0xffffu) | ((uint32_t)offset << 16));
#endif
  for (ky = ky0; ky < ky1; ky++) {
    const int8_t *xp = xc + ky * row + kx0 * xstep;
    const int16_t *wp = wg + (ky * k_w + kx0) * 4;
    for (kx = kx0; kx < kx1; kx++) {
      DW_TAP(xp, wp);
      xp += xstep;
      wp += 4;
    }
  }
  s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3;
}

/* The same over a full 3x3 window with unit dilation, unrolled; C = channels (bytes between taps). */
static inline void dw_group_3x3(const int8_t *xc, const int16_t *wp, int32_t C, int32_t row, int32_t offset, int32_t *s) {
  int32_t s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
  const int32_t down = row - 2 * C;
#if defined(__ARM_FEATURE_DSP)
  const int32_t off2 = (int32_t)(((uint32_t)offset & 0xffffu) | ((uint32_t)offset << 16));
#endif
  DW_TAP(xc, wp); xc += C; DW_TAP(xc, wp + 4); xc += C; DW_TAP(xc, wp + 8); xc += down;
  DW_TAP(xc, wp + 12); xc += C; DW_TAP(xc, wp + 16); xc += C; DW_TAP(xc, wp + 20); xc += down;
  DW_TAP(xc, wp + 24); xc += C; DW_TAP(xc, wp + 28); xc += C; DW_TAP(xc, wp + 32);
  s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3;
}

int yono_s8_depthwise(const yono_s8_geom *g, const yono_s8_weights *w, const yono_s8_quant *q,
                      const int8_t *x, int8_t *y, int16_t *scratch, int32_t scratch_len) {
  const int32_t taps = g->k_h * g->k_w, C = g->out_c, mult = g->out_c / g->in_c, offset = -q->in_zp;
  const int32_t tmp_len = (taps + 1) & ~1;
  const int32_t grouped = mult == 1 && (C & 3) == 0;
  const int32_t unrolled = grouped && g->k_h == 3 && g->k_w == 3 && g->d_h == 1 && g->d_w == 1;
  const rq_params r = rq_of(q);
  int16_t *wt = scratch, *tmp = scratch + taps * C;
  int32_t u, t, oy, ox;
  if (scratch_len < taps * C + tmp_len || w->units != C || w->field != taps || mult * g->in_c != C) return -1;
  /* every channel's taps once per inference: grouped (dw_slot), else wt[t * C + u] */
  for (u = 0; u < C; u++) {
    decode_row(w, u, taps, 1, tmp, tmp_len, 0);
    for (t = 0; t < taps; t++) wt[grouped ? dw_slot(u, t, taps) : t * C + u] = tmp[t];
  }
  for (oy = 0; oy < g->out_h; oy++) {
    int32_t ky0, ky1, iy0 = oy * g->s_h - g->pad_t;
    tap_range(oy, g->in_h, g->k_h, g->s_h, g->d_h, g->pad_t, &ky0, &ky1);
    for (ox = 0; ox < g->out_w; ox++) {
      int32_t kx0, kx1, ky, kx, ix0 = ox * g->s_w - g->pad_l;
      int8_t *yo = y + (oy * g->out_w + ox) * C;
      tap_range(ox, g->in_w, g->k_w, g->s_w, g->d_w, g->pad_l, &kx0, &kx1);
      if (grouped) {
        const int8_t *xbase = x + (iy0 * g->in_w + ix0) * C;
        const int32_t full = unrolled && ky0 == 0 && ky1 == 3 && kx0 == 0 && kx1 == 3;
        const int16_t *wg = wt;
        int32_t c;
        for (c = 0; c < C; c += 4, wg += 4 * taps) {
          int32_t s[4] = { 0, 0, 0, 0 };
          if (r.bias) { s[0] = r.bias[c]; s[1] = r.bias[c + 1]; s[2] = r.bias[c + 2]; s[3] = r.bias[c + 3]; }
          if (full) dw_group_3x3(xbase + c, wg, C, g->in_w * C, offset, s);
          else dw_group(xbase + c, wg, g->d_h * g->in_w * C, g->d_w * C, g->k_w, ky0, ky1, kx0, kx1, offset, s);
          {
            const int8_t o0 = REQUANT(s[0], r, c), o1 = REQUANT(s[1], r, c + 1);
            const int8_t o2 = REQUANT(s[2], r, c + 2), o3 = REQUANT(s[3], r, c + 3);
            /* one 32-bit store of the four outputs (little-endian byte order, as four int8 stores) */
            write32(yo + c, (uint32_t)(uint8_t)o0 | ((uint32_t)(uint8_t)o1 << 8) | ((uint32_t)(uint8_t)o2 << 16) | ((uint32_t)(uint8_t)o3 << 24));
          }
        }
      } else {
        for (u = 0; u < C; u++) {
          int32_t ci = u / mult, s = r.bias ? r.bias[u] : 0;
          for (ky = ky0; ky < ky1; ky++) {
            const int8_t *xr = x + ((iy0 + ky * g->d_h) * g->in_w + ix0) * g->in_c + ci;
            for (kx = kx0; kx < kx1; kx++) s += (xr[kx * g->d_w * g->in_c] + offset) * wt[(ky * g->k_w + kx) * C + u];
          }
          yo[u] = REQUANT(s, r, u);
        }
      }
    }
  }
  return 0;
}

/* ---- dense ---- */

int yono_s8_dense(const yono_s8_weights *w, const yono_s8_quant *q, int32_t k,
                  const int8_t *x, int8_t *y, int16_t *scratch, int32_t scratch_len) {
  const int32_t n = w->field, xl = (n + 1) & ~1, units = w->units, d = w->d, chunks = w->chunks, bits = w->bits;
  const rq_params r = rq_of(q);
  int16_t *xc = scratch, *cb = scratch + xl;
  int32_t u, f, i;
  if (scratch_len < xl + (w->format == YONO_S8_W_PQ ? k * d : 0)) return -1;
  widen(x, xc, n, -q->in_zp);
  if (xl > n) xc[n] = 0;
  if (w->format == YONO_S8_W_INT8) {
    for (u = 0; u < units; u++) {
      const int8_t *qw = w->q + u;
      int32_t s = r.bias ? r.bias[u] : 0;
      for (f = 0; f < n; f++) s += qw[f * units] * xc[f];
      y[u] = REQUANT(s, r, u);
    }
    return 0;
  }
  /* the codebook widened to int16 once per call, then each codeword is a run of d multiply-accumulates
     on the widened input; the last chunk of a unit may be cut short by the field's end */
  for (i = 0; i < k * d; i++) cb[i] = w->codebook[i];
  for (u = 0; u < units; u++) {
    const uint32_t start = (uint32_t)u * (uint32_t)chunks * (uint32_t)bits;
    const int32_t full = n / d, rest = n - full * d;
    int32_t c, s = r.bias ? r.bias[u] : 0;
    const int16_t *xp = xc;
    if (bits == 8) {
      const uint8_t *ip = w->indices + (start >> 3);
      for (c = 0; c < full; c++, xp += d) {
        const int16_t *cw = cb + (int32_t)ip[c] * d;
#if defined(__ARM_FEATURE_DSP)
        if ((d & 1) == 0) { int32_t j; for (j = 0; j < d; j += 2) s = __smlad(read32(cw + j), read32(xp + j), s); continue; }
#endif
        { int32_t j; for (j = 0; j < d; j++) s += cw[j] * xp[j]; }
      }
      if (rest) { const int16_t *cw = cb + (int32_t)ip[full] * d; int32_t j; for (j = 0; j < rest; j++) s += cw[j] * xp[j]; }
    } else {
      const uint32_t mask = (1u << bits) - 1u;
      const uint8_t *p = w->indices + (start >> 3);
      uint32_t acc = (uint32_t)(*p++) >> (start & 7u);
      int32_t have = 8 - (int32_t)(start & 7u);
      for (c = 0; c < chunks; c++, xp += d) {
        const int16_t *cw;
        int32_t j, m = c < full ? d : rest;
        if (have < bits) { acc |= (uint32_t)(*p++) << have; have += 8; }
        if (have < bits) { acc |= (uint32_t)(*p++) << have; have += 8; }
        cw = cb + (int32_t)(acc & mask) * d;
        acc >>= bits;
        have -= bits;
#if defined(__ARM_FEATURE_DSP)
        if (m == d && (d & 1) == 0) { for (j = 0; j < d; j += 2) s = __smlad(read32(cw + j), read32(xp + j), s); continue; }
#endif
        for (j = 0; j < m; j++) s += cw[j] * xp[j];
      }
    }
    y[u] = REQUANT(s, r, u);
  }
  return 0;
}

/* ---- pooling ---- */

void yono_s8_maxpool(const yono_s8_geom *g, int32_t act_min, int32_t act_max, const int8_t *x, int8_t *y) {
  const int32_t C = g->in_c;
  int32_t oy, ox, c;
  for (oy = 0; oy < g->out_h; oy++) {
    int32_t ky0, ky1, iy0 = oy * g->s_h - g->pad_t;
    tap_range(oy, g->in_h, g->k_h, g->s_h, 1, g->pad_t, &ky0, &ky1);
    for (ox = 0; ox < g->out_w; ox++) {
      int32_t kx0, kx1, ky, kx, first = 1, ix0 = ox * g->s_w - g->pad_l;
      int8_t *yo = y + (oy * g->out_w + ox) * C;
      tap_range(ox, g->in_w, g->k_w, g->s_w, 1, g->pad_l, &kx0, &kx1);
      for (ky = ky0; ky < ky1; ky++) {
        for (kx = kx0; kx < kx1; kx++) {
          const int8_t *xp = x + ((iy0 + ky) * g->in_w + ix0 + kx) * C;
          if (first) {
            memcpy(yo, xp, (size_t)C);
            first = 0;
          } else {
            for (c = 0; c < C; c++) if (xp[c] > yo[c]) yo[c] = xp[c];
          }
        }
      }
      for (c = 0; c < C; c++) yo[c] = (int8_t)(yo[c] < act_min ? act_min : yo[c] > act_max ? act_max : yo[c]);
    }
  }
}

void yono_s8_avgpool(const yono_s8_geom *g, int32_t act_min, int32_t act_max, const int8_t *x, int8_t *y) {
  const int32_t C = g->in_c;
  int32_t oy, ox, c;
  for (oy = 0; oy < g->out_h; oy++) {
    int32_t ky0, ky1, iy0 = oy * g->s_h - g->pad_t;
    tap_range(oy, g->in_h, g->k_h, g->s_h, 1, g->pad_t, &ky0, &ky1);
    for (ox = 0; ox < g->out_w; ox++) {
      int32_t kx0, kx1, ky, kx, count, ix0 = ox * g->s_w - g->pad_l;
      tap_range(ox, g->in_w, g->k_w, g->s_w, 1, g->pad_l, &kx0, &kx1);
      count = (ky1 - ky0) * (kx1 - kx0);
      for (c = 0; c < C; c++) {
        int32_t s = 0, v;
        for (ky = ky0; ky < ky1; ky++) {
          const int8_t *xr = x + ((iy0 + ky) * g->in_w + ix0) * C + c;
          for (kx = kx0; kx < kx1; kx++) s += xr[kx * C];
        }
        v = count == 0 ? 0 : s > 0 ? (s + count / 2) / count : (s - count / 2) / count;
        y[(oy * g->out_w + ox) * C + c] = (int8_t)(v < act_min ? act_min : v > act_max ? act_max : v);
      }
    }
  }
}
