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

/* ---- requantisation (multiplier >= 0: the saturating case of yono_srdhm cannot occur) ---- */

static inline int8_t requant(int32_t acc, int32_t mult, int32_t shift, int32_t zp, int32_t lo, int32_t hi) {
  int32_t v;
  if (shift > 0) {
    int64_t t = (int64_t)acc * ((int64_t)1 << shift);
    acc = t > INT32_MAX ? INT32_MAX : t < INT32_MIN ? INT32_MIN : (int32_t)t;
  }
  v = (int32_t)(((int64_t)acc * (int64_t)mult + ((int64_t)1 << 30)) >> 31);
  if (shift < 0) v = yono_rounding_divide_by_pot(v, -shift);
  v += zp;
  return (int8_t)(v < lo ? lo : v > hi ? hi : v);
}

#define REQUANT(acc, q, u) requant((acc), (q)->mult[u], (q)->shift[u], (q)->out_zp, (q)->act_min, (q)->act_max)

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

/*
 * Unit u's weights as int16 in row[0 .. row_len): tap-major order, zero after the field. PQ: the codewords
 * are copied (the PQ order is input channel, then tap; with one tap or one channel both orders agree).
 */
static void decode_row(const yono_s8_weights *w, int32_t u, int32_t taps, int32_t cin, int16_t *row, int32_t row_len) {
  int32_t t, n = w->field;
  if (w->format == YONO_S8_W_INT8) {
    const int8_t *q = w->q + u;
    for (t = 0; t < n; t++) row[t] = q[t * w->units];
  } else {
    bit_reader br;
    int32_t c, j, left = n;
    reader_at(&br, w->indices, (uint32_t)u * (uint32_t)w->chunks * (uint32_t)w->bits, w->bits);
    if (taps == 1 || cin == 1) {
      int16_t *o = row;
      for (c = 0; c < w->chunks; c++) {
        const int8_t *cw = w->codebook + reader_next(&br) * (uint32_t)w->d;
        int32_t m = left < w->d ? left : w->d;
        for (j = 0; j < m; j++) *o++ = cw[j];
        left -= m;
      }
    } else {
      int32_t r = 0, ci = 0;
      t = 0;
      for (c = 0; c < w->chunks; c++) {
        const int8_t *cw = w->codebook + reader_next(&br) * (uint32_t)w->d;
        int32_t m = left < w->d ? left : w->d;
        for (j = 0; j < m; j++) {
          row[t] = cw[j];
          if (++r == taps) { r = 0; t = ++ci; } else t += cin;
        }
        left -= m;
      }
    }
  }
  for (t = n; t < row_len; t++) row[t] = 0;
}

/* ---- convolution ---- */

/* The im2col column of output position (oy, ox): tap-major, input offset applied, padding taps 0. */
static void im2col(const yono_s8_geom *g, const int8_t *x, int32_t p, int32_t offset, int16_t *col, int32_t row_len) {
  int32_t ky, kx, t;
  int32_t oy = p / g->out_w, ox = p - oy * g->out_w;
  int32_t iy0 = oy * g->s_h - g->pad_t, ix0 = ox * g->s_w - g->pad_l;
  int16_t *o = col;
  for (ky = 0; ky < g->k_h; ky++) {
    int32_t iy = iy0 + ky * g->d_h;
    if (iy < 0 || iy >= g->in_h) {
      for (t = 0; t < g->k_w * g->in_c; t++) *o++ = 0;
      continue;
    }
    for (kx = 0; kx < g->k_w; kx++) {
      int32_t ix = ix0 + kx * g->d_w;
      if (ix < 0 || ix >= g->in_w) {
        for (t = 0; t < g->in_c; t++) *o++ = 0;
      } else {
        widen(x + (iy * g->in_w + ix) * g->in_c, o, g->in_c, offset);
        o += g->in_c;
      }
    }
  }
  while (o < col + row_len) *o++ = 0;
}

/* Two channels' rows times one column pair step: s += w . x over row_len values (row_len even). */
#if defined(__ARM_FEATURE_DSP)
#define DOT_2x2(w0, w1, a, b, n, s00, s01, s10, s11) do {            \
    int32_t k_ = (n) >> 2;                                            \
    while (k_--) {                                                    \
      int32_t wa = read32(w0), wb = read32(w1);                       \
      int32_t xa = read32(a), xb = read32(b);                         \
      s00 = __smlad(wa, xa, s00); s01 = __smlad(wa, xb, s01);         \
      s10 = __smlad(wb, xa, s10); s11 = __smlad(wb, xb, s11);         \
      wa = read32(w0 + 2); wb = read32(w1 + 2);                       \
      xa = read32(a + 2); xb = read32(b + 2);                         \
      s00 = __smlad(wa, xa, s00); s01 = __smlad(wa, xb, s01);         \
      s10 = __smlad(wb, xa, s10); s11 = __smlad(wb, xb, s11);         \
      w0 += 4; w1 += 4; a += 4; b += 4;                               \
    }                                                                 \
    if ((n) & 2) {                                                    \
      int32_t wa = read32(w0), wb = read32(w1);                       \
      int32_t xa = read32(a), xb = read32(b);                         \
      s00 = __smlad(wa, xa, s00); s01 = __smlad(wa, xb, s01);         \
      s10 = __smlad(wb, xa, s10); s11 = __smlad(wb, xb, s11);         \
    }                                                                 \
  } while (0)
#else
#define DOT_2x2(w0, w1, a, b, n, s00, s01, s10, s11) do {            \
    int32_t k_;                                                       \
    for (k_ = 0; k_ < (n); k_++) {                                    \
      s00 += w0[k_] * a[k_]; s01 += w0[k_] * b[k_];                   \
      s10 += w1[k_] * a[k_]; s11 += w1[k_] * b[k_];                   \
    }                                                                 \
  } while (0)
#endif

static int32_t dot1(const int16_t *w, const int16_t *a, int32_t n, int32_t s) {
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
                               int32_t u0, const yono_s8_quant *q, int8_t *y0, int8_t *y1) {
  int32_t i;
  for (i = 0; i + 1 < nt; i += 2) {
    int32_t u = u0 + i;
    int32_t b0 = q->bias ? q->bias[u] : 0, b1 = q->bias ? q->bias[u + 1] : 0;
    const int16_t *w0 = rows + i * row_len, *w1 = w0 + row_len;
    if (c1) {
      const int16_t *a = c0, *b = c1;
      int32_t s00 = b0, s01 = b0, s10 = b1, s11 = b1;
      DOT_2x2(w0, w1, a, b, row_len, s00, s01, s10, s11);
      y0[u] = REQUANT(s00, q, u);
      y1[u] = REQUANT(s01, q, u);
      y0[u + 1] = REQUANT(s10, q, u + 1);
      y1[u + 1] = REQUANT(s11, q, u + 1);
    } else {
      y0[u] = REQUANT(dot1(w0, c0, row_len, b0), q, u);
      y0[u + 1] = REQUANT(dot1(w1, c0, row_len, b1), q, u + 1);
    }
  }
  if (i < nt) {
    int32_t u = u0 + i;
    int32_t b0 = q->bias ? q->bias[u] : 0;
    const int16_t *w0 = rows + i * row_len;
    y0[u] = REQUANT(dot1(w0, c0, row_len, b0), q, u);
    if (c1) y1[u] = REQUANT(dot1(w0, c1, row_len, b0), q, u);
  }
}

int32_t yono_s8_conv_scratch_min(const yono_s8_geom *g) {
  int32_t row_len = (g->k_h * g->k_w * g->in_c + 1) & ~1;
  return 3 * row_len;
}

int yono_s8_conv(const yono_s8_geom *g, const yono_s8_weights *w, const yono_s8_quant *q,
                 const int8_t *x, int8_t *y, int16_t *scratch, int32_t scratch_len) {
  const int32_t taps = g->k_h * g->k_w;
  const int32_t row_len = (w->field + 1) & ~1;
  const int32_t positions = g->out_h * g->out_w;
  /* scratch: [column 0][column 1][tile of decoded rows] */
  int16_t *c0 = scratch, *c1 = c0 + row_len, *rows = c1 + row_len;
  int32_t tile = (scratch_len - 2 * row_len) / row_len;
  int32_t u0, p;
  if (w->field != taps * g->in_c || w->units != g->out_c) return -1;
  if (tile < 1) return -1;
  if (tile > g->out_c) tile = g->out_c;
  for (u0 = 0; u0 < g->out_c; u0 += tile) {
    int32_t i, nt = g->out_c - u0 < tile ? g->out_c - u0 : tile;
    for (i = 0; i < nt; i++) decode_row(w, u0 + i, taps, g->in_c, rows + i * row_len, row_len);
    for (p = 0; p < positions; p += 2) {
      int32_t two = p + 1 < positions;
      im2col(g, x, p, -q->in_zp, c0, row_len);
      if (two) im2col(g, x, p + 1, -q->in_zp, c1, row_len);
      tile_times_columns(rows, nt, row_len, c0, two ? c1 : 0, u0, q, y + p * g->out_c, two ? y + (p + 1) * g->out_c : 0);
    }
  }
  return 0;
}

/* ---- depthwise ---- */

/* Position of channel c in the depthwise weight rows: within each group of four, c, c+2, c+1, c+3 (the
   order in which __sxtab16 unpacks four int8 channels into two int16 pairs). */
static inline int32_t dw_slot(int32_t c) { return (c & ~3) | ((c & 1) << 1) | ((c >> 1) & 1); }

int yono_s8_depthwise(const yono_s8_geom *g, const yono_s8_weights *w, const yono_s8_quant *q,
                      const int8_t *x, int8_t *y, int16_t *scratch, int32_t scratch_len) {
  const int32_t taps = g->k_h * g->k_w, C = g->out_c, mult = g->out_c / g->in_c;
  const int32_t tmp_len = (taps + 1) & ~1;
  const int32_t grouped = mult == 1 && (C & 3) == 0;
  int16_t *wt = scratch, *tmp = scratch + taps * C;
  int32_t u, r, oy, ox;
  if (scratch_len < taps * C + tmp_len || w->units != C || w->field != taps || mult * g->in_c != C) return -1;
  /* every channel's taps once per inference: wt[r * C + slot(u)] (slot = u when not grouped) */
  for (u = 0; u < C; u++) {
    decode_row(w, u, taps, 1, tmp, tmp_len);
    for (r = 0; r < taps; r++) wt[r * C + (grouped ? dw_slot(u) : u)] = tmp[r];
  }
  for (oy = 0; oy < g->out_h; oy++) {
    int32_t ky0, ky1, iy0 = oy * g->s_h - g->pad_t;
    tap_range(oy, g->in_h, g->k_h, g->s_h, g->d_h, g->pad_t, &ky0, &ky1);
    for (ox = 0; ox < g->out_w; ox++) {
      int32_t kx0, kx1, ky, kx, ix0 = ox * g->s_w - g->pad_l;
      int8_t *yo = y + (oy * g->out_w + ox) * C;
      tap_range(ox, g->in_w, g->k_w, g->s_w, g->d_w, g->pad_l, &kx0, &kx1);
      if (grouped) {
        int32_t c;
#if defined(__ARM_FEATURE_DSP)
        const int32_t off2 = (int32_t)(((uint32_t)-q->in_zp & 0xffffu) | ((uint32_t)-q->in_zp << 16));
#endif
        for (c = 0; c < C; c += 4) {
          int32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          if (q->bias) { s0 = q->bias[c]; s1 = q->bias[c + 1]; s2 = q->bias[c + 2]; s3 = q->bias[c + 3]; }
          for (ky = ky0; ky < ky1; ky++) {
            const int8_t *xr = x + ((iy0 + ky * g->d_h) * g->in_w + ix0) * C + c;
            const int16_t *wr = wt + ky * g->k_w * C + c;
            for (kx = kx0; kx < kx1; kx++) {
              const int8_t *xp = xr + kx * g->d_w * C;
              const int16_t *wp = wr + kx * C;
#if defined(__ARM_FEATURE_DSP)
              uint32_t v = (uint32_t)read32(xp);
              int32_t even = __sxtab16(off2, (int32_t)v);                     /* x_c, x_c+2 */
              int32_t odd = __sxtab16(off2, (int32_t)((v >> 8) | (v << 24))); /* x_c+1, x_c+3 */
              int32_t wa = read32(wp), wb = read32(wp + 2);
              s0 = __smlabb(even, wa, s0);
              s2 = __smlatt(even, wa, s2);
              s1 = __smlabb(odd, wb, s1);
              s3 = __smlatt(odd, wb, s3);
#else
              s0 += (xp[0] - q->in_zp) * wp[0];
              s2 += (xp[2] - q->in_zp) * wp[1];
              s1 += (xp[1] - q->in_zp) * wp[2];
              s3 += (xp[3] - q->in_zp) * wp[3];
#endif
            }
          }
          yo[c] = REQUANT(s0, q, c);
          yo[c + 1] = REQUANT(s1, q, c + 1);
          yo[c + 2] = REQUANT(s2, q, c + 2);
          yo[c + 3] = REQUANT(s3, q, c + 3);
        }
      } else {
        for (u = 0; u < C; u++) {
          int32_t ci = u / mult, s = q->bias ? q->bias[u] : 0;
          for (ky = ky0; ky < ky1; ky++) {
            const int8_t *xr = x + ((iy0 + ky * g->d_h) * g->in_w + ix0) * g->in_c + ci;
            for (kx = kx0; kx < kx1; kx++) s += (xr[kx * g->d_w * g->in_c] - q->in_zp) * wt[(ky * g->k_w + kx) * C + u];
          }
          yo[u] = REQUANT(s, q, u);
        }
      }
    }
  }
  return 0;
}

/* ---- dense ---- */

int yono_s8_dense(const yono_s8_weights *w, const yono_s8_quant *q, int32_t k,
                  const int8_t *x, int8_t *y, int16_t *scratch, int32_t scratch_len) {
  const int32_t n = w->field, xl = (n + 1) & ~1;
  int16_t *xc = scratch, *cb = scratch + xl;
  int32_t u, f, i;
  if (scratch_len < xl + (w->format == YONO_S8_W_PQ ? k * w->d : 0)) return -1;
  widen(x, xc, n, -q->in_zp);
  if (xl > n) xc[n] = 0;
  if (w->format == YONO_S8_W_INT8) {
    for (u = 0; u < w->units; u++) {
      const int8_t *qw = w->q + u;
      int32_t s = q->bias ? q->bias[u] : 0;
      for (f = 0; f < n; f++) s += qw[f * w->units] * xc[f];
      y[u] = REQUANT(s, q, u);
    }
    return 0;
  }
  /* the codebook widened to int16 once per call, then each codeword is a run of d multiply-accumulates */
  for (i = 0; i < k * w->d; i++) cb[i] = w->codebook[i];
  for (u = 0; u < w->units; u++) {
    bit_reader br;
    int32_t c, s = q->bias ? q->bias[u] : 0;
    const int16_t *xp = xc;
    int32_t left = n;
    reader_at(&br, w->indices, (uint32_t)u * (uint32_t)w->chunks * (uint32_t)w->bits, w->bits);
    for (c = 0; c < w->chunks; c++) {
      const int16_t *cw = cb + reader_next(&br) * (uint32_t)w->d;
      int32_t m = left < w->d ? left : w->d, j;
#if defined(__ARM_FEATURE_DSP)
      if (m == w->d && (m & 1) == 0) {
        switch (m) {
          case 2: s = __smlad(read32(cw), read32(xp), s); break;
          case 4: s = __smlad(read32(cw), read32(xp), s); s = __smlad(read32(cw + 2), read32(xp + 2), s); break;
          default: for (j = 0; j < m; j += 2) s = __smlad(read32(cw + j), read32(xp + j), s);
        }
      } else
#endif
      for (j = 0; j < m; j++) s += cw[j] * xp[j];
      xp += m;
      left -= m;
    }
    y[u] = REQUANT(s, q, u);
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
