/*
 * yono_runtime.c - portable C99 runtime for YONO bundles (exported by YONO Workbench).
 * No malloc, no double, no recursion. Every kernel performs its float operations in the same order as
 * the workbench's virtual-MCU runtime (src/core/mcu/runtime), so both give the same outputs; build with
 * floating-point contraction off (-std=c99 does that with GCC; else -ffp-contract=off) to keep it so.
 */
#include <math.h>
#include "yono_runtime.h"

static float sigmoid(float v) { float e = expf(-v); float d = 1.0f + e; return 1.0f / d; }

/* softplus as tfjs computes it: exp(v) below log(float32 epsilon) + 2, v above its negation, else log(1 + exp(v)). */
static float softplus(float v) {
  const float t = -13.9423847f;
  float e = expf(v);
  return v < t ? e : v > -t ? v : logf(1.0f + e);
}

/* erf with tfjs' polynomial approximation (Abramowitz and Stegun 7.1.26). */
static float erf_approx(float v) {
  float a = fabsf(v);
  float t = 1.0f / (1.0f + 0.3275911f * a);
  float poly = ((((1.061405429f * t + -1.453152027f) * t + 1.421413741f) * t + -0.284496736f) * t + 0.254829592f);
  float r = 1.0f - (poly * t) * expf(-(a * a));
  return v < 0.0f ? -r : v > 0.0f ? r : 0.0f;
}

static float activate(float v, int32_t act) {
  switch (act) {
    case YONO_ACT_RELU: return v > 0.0f ? v : 0.0f;
    case YONO_ACT_RELU6: return v > 0.0f ? (v < 6.0f ? v : 6.0f) : 0.0f;
    case YONO_ACT_SIGMOID: return sigmoid(v);
    case YONO_ACT_TANH: return tanhf(v);
    case YONO_ACT_ELU: return v >= 0.0f ? v : expf(v) - 1.0f;
    case YONO_ACT_SELU: return v >= 0.0f ? 1.05070102f * v : 1.75809932f * (expf(v) - 1.0f);
    case YONO_ACT_SOFTPLUS: return softplus(v);
    case YONO_ACT_SOFTSIGN: return v / (fabsf(v) + 1.0f);
    case YONO_ACT_SWISH: return sigmoid(v) * v;
    case YONO_ACT_MISH: return v * tanhf(softplus(v));
    case YONO_ACT_GELU: return v * (0.5f * (1.0f + erf_approx(v / 1.41421354f)));
    case YONO_ACT_GELU_NEW: return 0.5f * (v * (1.0f + tanhf(0.797884583f * (v + 0.044715f * ((v * v) * v)))));
    case YONO_ACT_HARD_SIGMOID: { float h = 0.2f * v + 0.5f; return h < 0.0f ? 0.0f : h > 1.0f ? 1.0f : h; }
    default: return v;
  }
}

/* Softmax of `rows` rows of `c` values, in place. */
static void softmax_rows(float *y, int32_t rows, int32_t c) {
  int32_t r, i;
  for (r = 0; r < rows; r++) {
    float *b = y + r * c;
    float m = b[0], s = 0.0f;
    for (i = 1; i < c; i++) if (b[i] > m) m = b[i];
    for (i = 0; i < c; i++) { float e = expf(b[i] - m); b[i] = e; s = s + e; }
    for (i = 0; i < c; i++) b[i] = b[i] / s;
  }
}

static void activate_range(float *y, int32_t n, int32_t c, int32_t act) {
  int32_t i;
  if (act == YONO_ACT_LINEAR) return;
  if (act == YONO_ACT_SOFTMAX) { softmax_rows(y, n / c, c); return; }
  for (i = 0; i < n; i++) y[i] = activate(y[i], act);
}

/* First and one-past-last valid tap of output position o along one axis (padding taps are skipped):
   tap t is valid when 0 <= o * stride - pad + t * dil < in_n. */
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

float yono_f16_to_f32(uint16_t h) {
  union { uint32_t u; float f; } v;
  uint32_t sign = ((uint32_t)h & 0x8000u) << 16;
  uint32_t e = ((uint32_t)h >> 10) & 0x1fu;
  uint32_t f = (uint32_t)h & 0x3ffu;
  if (e == 0u) {
    if (f == 0u) {
      v.u = sign;
    } else { /* subnormal: f * 2^-24, normalized into a float32 */
      e = 113u;
      while ((f & 0x400u) == 0u) { f <<= 1; e--; }
      v.u = sign | (e << 23) | ((f & 0x3ffu) << 13);
    }
  } else if (e == 31u) {
    v.u = sign | 0x7f800000u | (f << 13); /* infinity or NaN */
  } else {
    v.u = sign | ((e + 112u) << 23) | (f << 13);
  }
  return v.f;
}

/* A float16 bit pattern as float32 (exact). With IEEE __fp16 (__ARM_FP16_FORMAT_IEEE: gcc -mfp16-format=ieee
   on Arm) the compiler converts in hardware, one VCVTB.F32.F16 on an FPU with half-precision conversion
   (Cortex-M4F FPv4-SP, Cortex-M7 FPv5); elsewhere the bit manipulation of yono_f16_to_f32. */
static float half_to_float(uint16_t h) {
#if defined(__ARM_FP16_FORMAT_IEEE)
  union { uint16_t u; __fp16 f; } v;
  v.u = h;
  return (float)v.f;
#else
  return yono_f16_to_f32(h);
#endif
}

/* Scale i of a kernel (float32 or float16 storage). */
static float scale_at(const yono_weights *w, int32_t i) {
  return w->scales_f16 ? half_to_float(w->scales_f16[i]) : w->scales[i];
}

/* Writes unit u's receptive field into out[0 .. field) in field order (input channel, ky, kx). */
static void decode_unit(const yono_op *op, int32_t u, float *out) {
  const yono_weights *w = op->w;
  int32_t f;
  float s8;
  if (w->format == YONO_W_PQ) {
    uint32_t bit = (uint32_t)u * (uint32_t)w->chunks * (uint32_t)w->bits;
    const uint8_t *p = w->indices + (bit >> 3);
    uint32_t acc = (uint32_t)(*p++) >> (bit & 7u);
    int32_t nacc = 8 - (int32_t)(bit & 7u);
    uint32_t mask = (1u << w->bits) - 1u;
    float s = w->n_scales == 0 ? 1.0f : scale_at(w, w->n_scales == 1 ? 0 : u);
    int32_t c, t;
    for (c = 0; c < w->chunks; c++) {
      float *o = out + c * w->d;
      int32_t row;
      while (nacc < w->bits) { acc |= (uint32_t)(*p++) << nacc; nacc += 8; }
      row = (int32_t)(acc & mask) * w->d;
      acc >>= w->bits;
      nacc -= w->bits;
      if (w->codebook_f16) { /* float16 codewords: each value converted (exactly) as it is read */
        const uint16_t *cw = w->codebook_f16 + row;
        if (w->n_scales == 0) for (t = 0; t < w->d; t++) o[t] = half_to_float(cw[t]);
        else for (t = 0; t < w->d; t++) o[t] = half_to_float(cw[t]) * s;
      } else {
        const float *cw = w->codebook + row;
        if (w->n_scales == 0) for (t = 0; t < w->d; t++) o[t] = cw[t];
        else for (t = 0; t < w->d; t++) o[t] = cw[t] * s;
      }
    }
    return;
  }
  s8 = w->format == YONO_W_INT8 ? scale_at(w, u) : 0.0f;
  for (f = 0; f < w->field; f++) {
    int32_t idx;
    if (op->op == YONO_OP_DEPTHWISE) {
      idx = f * w->units + u;
    } else {
      int32_t khw = op->k_h * op->k_w;
      int32_t ci = f / khw, r = f % khw;
      idx = (r * op->in_c + ci) * w->units + u;
    }
    out[f] = w->format == YONO_W_INT8 ? (float)w->q[idx] * s8 : w->data[idx];
  }
}

/* One output unit of a convolution (dense, conv1d, conv2d) over every output position:
   y = act(bias + sum over valid ky, kx, then ci of x * w), w in tap-major order ((ky * k_w + kx) * in_c + ci). */
static void conv_unit(const yono_op *op, const float *x, float *y, const float *w, int32_t u, float bias, int32_t act) {
  int32_t oy, ox, ci, ky, kx;
  int32_t row = op->in_w * op->in_c;
  for (oy = 0; oy < op->out_h; oy++) {
    int32_t ky0, ky1, iy0 = oy * op->s_h - op->pad_t;
    tap_range(oy, op->in_h, op->k_h, op->s_h, op->d_h, op->pad_t, &ky0, &ky1);
    for (ox = 0; ox < op->out_w; ox++) {
      int32_t kx0, kx1, ix0 = ox * op->s_w - op->pad_l;
      float acc = 0.0f;
      tap_range(ox, op->in_w, op->k_w, op->s_w, op->d_w, op->pad_l, &kx0, &kx1);
      for (ky = ky0; ky < ky1; ky++) {
        const float *xr = x + (iy0 + ky * op->d_h) * row;
        for (kx = kx0; kx < kx1; kx++) {
          const float *xp = xr + (ix0 + kx * op->d_w) * op->in_c;
          const float *wp = w + (ky * op->k_w + kx) * op->in_c;
          for (ci = 0; ci < op->in_c; ci++) acc = acc + xp[ci] * wp[ci];
        }
      }
      y[(oy * op->out_w + ox) * op->out_c + u] = activate(acc + bias, act);
    }
  }
}

/* One output channel u = ci * mult + m of a depthwise convolution over every output position. */
static void depthwise_unit(const yono_op *op, const float *x, float *y, const float *w, int32_t u, float bias, int32_t act) {
  int32_t oy, ox, ky, kx;
  int32_t ci = u / op->mult;
  int32_t row = op->in_w * op->in_c;
  for (oy = 0; oy < op->out_h; oy++) {
    int32_t ky0, ky1, iy0 = oy * op->s_h - op->pad_t;
    tap_range(oy, op->in_h, op->k_h, op->s_h, op->d_h, op->pad_t, &ky0, &ky1);
    for (ox = 0; ox < op->out_w; ox++) {
      int32_t kx0, kx1, ix0 = ox * op->s_w - op->pad_l;
      float acc = 0.0f;
      tap_range(ox, op->in_w, op->k_w, op->s_w, op->d_w, op->pad_l, &kx0, &kx1);
      for (ky = ky0; ky < ky1; ky++) {
        const float *xr = x + (iy0 + ky * op->d_h) * row + ci;
        for (kx = kx0; kx < kx1; kx++) acc = acc + xr[(ix0 + kx * op->d_w) * op->in_c] * w[ky * op->k_w + kx];
      }
      y[(oy * op->out_w + ox) * op->out_c + u] = activate(acc + bias, act);
    }
  }
}

static void weighted(const yono_op *op, const float *x, float *y, float *scratch) {
  int32_t u, ci, r;
  int32_t act = op->act == YONO_ACT_SOFTMAX ? YONO_ACT_LINEAR : op->act;
  int32_t khw = op->k_h * op->k_w;
  /* scratch: the decoded field (input channel, ky, kx), then for spatial convolutions the same weights
     in tap-major order (ky, kx, input channel), so the innermost loop walks x and w with stride 1. */
  float *tap = scratch + (op->w->format == YONO_W_PQ ? op->w->chunks * op->w->d : op->w->field);
  for (u = 0; u < op->out_c; u++) {
    float b = op->bias ? op->bias[u] : op->bias_f16 ? half_to_float(op->bias_f16[u]) : 0.0f;
    decode_unit(op, u, scratch);
    if (op->op == YONO_OP_DEPTHWISE) {
      depthwise_unit(op, x, y, scratch, u, b, act);
    } else if (khw > 1) {
      for (ci = 0; ci < op->in_c; ci++) for (r = 0; r < khw; r++) tap[r * op->in_c + ci] = scratch[ci * khw + r];
      conv_unit(op, x, y, tap, u, b, act);
    } else {
      conv_unit(op, x, y, scratch, u, b, act);
    }
  }
  if (op->act == YONO_ACT_SOFTMAX) softmax_rows(y, op->out_h * op->out_w, op->out_c);
}

static void pool(const yono_op *op, const float *x, float *y, int is_max) {
  int32_t oy, ox, ch, ky, kx;
  for (oy = 0; oy < op->out_h; oy++) {
    int32_t ky0, ky1, iy0 = oy * op->s_h - op->pad_t;
    tap_range(oy, op->in_h, op->k_h, op->s_h, 1, op->pad_t, &ky0, &ky1);
    for (ox = 0; ox < op->out_w; ox++) {
      int32_t kx0, kx1, ix0 = ox * op->s_w - op->pad_l;
      int32_t n;
      tap_range(ox, op->in_w, op->k_w, op->s_w, 1, op->pad_l, &kx0, &kx1);
      n = (ky1 - ky0) * (kx1 - kx0);
      for (ch = 0; ch < op->in_c; ch++) {
        float acc = is_max ? -INFINITY : 0.0f;
        for (ky = ky0; ky < ky1; ky++) {
          const float *xr = x + ((iy0 + ky) * op->in_w) * op->in_c + ch;
          for (kx = kx0; kx < kx1; kx++) {
            float v = xr[(ix0 + kx) * op->in_c];
            if (is_max) { if (v > acc) acc = v; } else acc = acc + v;
          }
        }
        y[(oy * op->out_w + ox) * op->in_c + ch] = is_max ? acc : acc / (float)n;
      }
    }
  }
}

static void global_pool(const yono_op *op, const float *x, float *y, int is_max) {
  int32_t p = op->in_h * op->in_w, c = op->in_c, k, i;
  for (k = 0; k < c; k++) {
    float acc = is_max ? -INFINITY : 0.0f;
    for (i = 0; i < p; i++) {
      float v = x[i * c + k];
      if (is_max) { if (v > acc) acc = v; } else acc = acc + v;
    }
    y[k] = is_max ? acc : acc / (float)p;
  }
}

/* Strides (floats) of an h x w x c operand read at every output position: 0 along a broadcast axis. */
static void broadcast_strides(int32_t h, int32_t w, int32_t c, int32_t *s) {
  s[0] = h == 1 ? 0 : w * c;
  s[1] = w == 1 ? 0 : c;
  s[2] = c == 1 ? 0 : 1;
}

/* MUL, MAXIMUM, MINIMUM, AVERAGE: y = a (op) b with broadcasting; may run in place (y = a, a full-size). */
static void merge(const yono_op *op, const float *a, const float *b, float *y) {
  int32_t sa[3], sb[3], oy, ox, k, i = 0;
  float scale = op->params ? op->params[0] : 1.0f;
  broadcast_strides(op->in_h, op->in_w, op->in_c, sa);
  broadcast_strides(op->k_h, op->k_w, op->mult, sb);
  for (oy = 0; oy < op->out_h; oy++) {
    for (ox = 0; ox < op->out_w; ox++) {
      const float *pa = a + oy * sa[0] + ox * sa[1];
      const float *pb = b + oy * sb[0] + ox * sb[1];
      for (k = 0; k < op->out_c; k++, pa += sa[2], pb += sb[2]) {
        float u = *pa, v = *pb;
        switch (op->op) {
          case YONO_OP_MUL: y[i++] = u * v; break;
          case YONO_OP_MAXIMUM: y[i++] = u > v ? u : v; break;
          case YONO_OP_MINIMUM: y[i++] = u < v ? u : v; break;
          default: y[i++] = (u + v) * scale; break;
        }
      }
    }
  }
}

/* Source position of output o for bilinear up-sampling: the two input positions and the weight of the second. */
static void bilinear_source(int32_t o, float ratio, int32_t in_n, int32_t *lo, int32_t *hi, float *frac) {
  float s = (float)o * ratio;
  float fl = floorf(s);
  int32_t c = (int32_t)ceilf(s);
  *lo = (int32_t)fl;
  *hi = c < in_n - 1 ? c : in_n - 1;
  *frac = s - fl;
}

static void up_bilinear(const yono_op *op, const float *x, float *y) {
  int32_t oy, ox, k, y0, y1, x0, x1, i = 0, c = op->in_c;
  float ry = (float)op->in_h / (float)op->out_h, rx = (float)op->in_w / (float)op->out_w, dy, dx;
  for (oy = 0; oy < op->out_h; oy++) {
    bilinear_source(oy, ry, op->in_h, &y0, &y1, &dy);
    for (ox = 0; ox < op->out_w; ox++) {
      const float *tl, *tr, *bl, *br;
      bilinear_source(ox, rx, op->in_w, &x0, &x1, &dx);
      tl = x + (y0 * op->in_w + x0) * c; tr = x + (y0 * op->in_w + x1) * c;
      bl = x + (y1 * op->in_w + x0) * c; br = x + (y1 * op->in_w + x1) * c;
      for (k = 0; k < c; k++) {
        float top = tl[k] + (tr[k] - tl[k]) * dx;
        float bottom = bl[k] + (br[k] - bl[k]) * dx;
        y[i++] = top + (bottom - top) * dy;
      }
    }
  }
}

/* The element-wise ops with parameters (LEAKY_RELU ... FAKE_QUANT); may run in place. */
static float pointwise(int32_t code, float v, const float *p) {
  switch (code) {
    case YONO_OP_LEAKY_RELU: return v < 0.0f ? p[0] * v : v;
    case YONO_OP_THRESHOLDED_RELU: return v > p[0] ? v : 0.0f;
    case YONO_OP_CLIPPED_RELU: return v > 0.0f ? (v < p[0] ? v : p[0]) : 0.0f;
    case YONO_OP_RESCALE: return v * p[0] + p[1];
    default: { /* FAKE_QUANT: round half away from zero, clamp, dequantise */
      float s = v / p[0];
      float r = floorf(fabsf(s) + 0.5f);
      float q = (s < 0.0f ? -r : s > 0.0f ? r : 0.0f) + p[1];
      q = q < p[2] ? p[2] : q > p[3] ? p[3] : q;
      return (q - p[1]) * p[0];
    }
  }
}

/* The ops from 32; returns -1 for an op code it does not know. */
static int run_extra(const yono_op *op, const float *x, const float *x2, float *y) {
  int32_t a, b, k, i = 0;
  switch (op->op) {
    case YONO_OP_PAD:
      for (a = 0; a < op->out_h; a++) {
        int32_t iy = a - op->pad_t;
        for (b = 0; b < op->out_w; b++) {
          int32_t ix = b - op->pad_l;
          if (iy >= 0 && iy < op->in_h && ix >= 0 && ix < op->in_w) {
            const float *xp = x + (iy * op->in_w + ix) * op->in_c;
            for (k = 0; k < op->in_c; k++) y[i++] = xp[k];
          } else {
            for (k = 0; k < op->in_c; k++) y[i++] = 0.0f;
          }
        }
      }
      return 0;
    case YONO_OP_CONCAT:
      for (a = 0; a < op->in_h; a++) for (k = 0; k < op->in_c; k++) y[a * op->out_c + k] = x[a * op->in_c + k];
      return 0;
    case YONO_OP_MUL: case YONO_OP_MAXIMUM: case YONO_OP_MINIMUM: case YONO_OP_AVERAGE: merge(op, x, x2, y); return 0;
    case YONO_OP_UP_NEAREST:
      for (a = 0; a < op->out_h; a++) for (b = 0; b < op->out_w; b++) {
        const float *xp = x + ((a / op->s_h) * op->in_w + b / op->s_w) * op->in_c;
        for (k = 0; k < op->in_c; k++) y[i++] = xp[k];
      }
      return 0;
    case YONO_OP_UP_BILINEAR: up_bilinear(op, x, y); return 0;
    case YONO_OP_PERMUTE:
      for (a = 0; a < op->out_h; a++) for (b = 0; b < op->out_w; b++) {
        const float *xp = x + a * op->k_h + b * op->k_w;
        for (k = 0; k < op->out_c; k++) y[i++] = xp[k * op->mult];
      }
      return 0;
    case YONO_OP_PRELU: {
      int32_t s[3];
      broadcast_strides(op->k_h, op->k_w, op->mult, s);
      for (a = 0; a < op->out_h; a++) for (b = 0; b < op->out_w; b++) {
        const float *al = op->bn_scale + a * s[0] + b * s[1];
        for (k = 0; k < op->out_c; k++, i++) { float v = x[i]; y[i] = v < 0.0f ? al[k * s[2]] * v : v; }
      }
      return 0;
    }
    case YONO_OP_LEAKY_RELU: case YONO_OP_THRESHOLDED_RELU: case YONO_OP_CLIPPED_RELU: case YONO_OP_RESCALE: case YONO_OP_FAKE_QUANT:
      for (i = 0; i < op->size; i++) y[i] = pointwise(op->op, x[i], op->params);
      return 0;
    default: return -1;
  }
}

int yono_run(const yono_model *m, const float *input, float *output,
             float *arena, int32_t arena_floats, float *scratch, int32_t scratch_floats) {
  int32_t i, j;
  if (arena_floats < m->arena_floats || scratch_floats < m->scratch_floats) return -1;
  for (i = 0; i < m->n_ops; i++) {
    const yono_op *op = &m->ops[i];
    const float *rd[3];
    const float *x, *x2;
    float *y = (op->out_buf == YONO_BUF_OUTPUT ? output : arena) + op->out_off;
    rd[YONO_BUF_ARENA] = arena;
    rd[YONO_BUF_INPUT] = input;
    rd[YONO_BUF_OUTPUT] = output;
    x = rd[op->in_buf] + op->in_off;
    x2 = rd[op->in2_buf] + op->in2_off;
    switch (op->op) {
      case YONO_OP_CONV: case YONO_OP_DEPTHWISE: weighted(op, x, y, scratch); break;
      case YONO_OP_MAXPOOL: pool(op, x, y, 1); break;
      case YONO_OP_AVGPOOL: pool(op, x, y, 0); break;
      case YONO_OP_GLOBALMAX: global_pool(op, x, y, 1); break;
      case YONO_OP_GLOBALAVG: global_pool(op, x, y, 0); break;
      case YONO_OP_BATCHNORM: {
        int32_t c = op->in_c, n = op->size, k;
        for (k = 0; k < c; k++) {
          float s = op->bn_scale[k], t = op->bn_shift[k];
          for (j = k; j < n; j += c) y[j] = x[j] * s + t;
        }
        break;
      }
      case YONO_OP_ADD:
        for (j = 0; j < op->size; j++) y[j] = x[j] + x2[j];
        activate_range(y, op->size, op->out_c, op->act);
        break;
      case YONO_OP_ACTIVATION: case YONO_OP_COPY:
        if (x != y) for (j = 0; j < op->size; j++) y[j] = x[j];
        activate_range(y, op->size, op->out_c, op->op == YONO_OP_COPY ? YONO_ACT_LINEAR : op->act);
        break;
      default: if (run_extra(op, x, x2, y) != 0) return -1;
    }
  }
  return 0;
}

int32_t yono_argmax(const float *v, int32_t n) {
  int32_t i, best = 0;
  for (i = 1; i < n; i++) if (v[i] > v[best]) best = i;
  return best;
}
