/*
 * yono_fixed_point.h - the int8 runtime's fixed-point arithmetic (exported by YONO Workbench).
 *
 * TFLM's MultiplyByQuantizedMultiplier with double rounding (its default build), which CMSIS-NN's
 * arm_nn_requantize computes identically in its default build: a saturating rounding doubling high
 * multiply, then a rounding right shift (ties away from zero). The same bits as the workbench's
 * src/core/quant (a test compares them on many random cases). C99; assumes, as gcc, clang and armclang
 * do, that >> of a negative signed integer shifts arithmetically (checked at compile time below).
 */
#ifndef YONO_FIXED_POINT_H
#define YONO_FIXED_POINT_H

#include <math.h>
#include <stdint.h>

typedef char yono_requires_arithmetic_right_shift[((-8) >> 1) == -4 && (((int64_t)-8) >> 1) == -4 ? 1 : -1];

/* gemmlowp SaturatingRoundingDoublingHighMul: floor((a*b + 2^30) / 2^31); INT32_MIN*INT32_MIN -> INT32_MAX. */
static inline int32_t yono_srdhm(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  return (int32_t)(((int64_t)a * (int64_t)b + ((int64_t)1 << 30)) >> 31);
}

/* gemmlowp RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away from zero; exponent 0..31. */
static inline int32_t yono_rounding_divide_by_pot(int32_t x, int32_t exponent) {
  const int32_t mask = (int32_t)((1u << exponent) - 1u);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/* x * multiplier * 2^(shift - 31), multiplier >= 0, shift -31..31; a left shift leaving int32 saturates. */
static inline int32_t yono_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int32_t shift) {
  if (shift > 0) {
    int64_t v = (int64_t)x * ((int64_t)1 << shift);
    x = v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : (int32_t)v;
    return yono_srdhm(x, multiplier);
  }
  return yono_rounding_divide_by_pot(yono_srdhm(x, multiplier), -shift);
}

/* Bits of a non-zero 64-bit value. */
static inline int32_t yono_bit_length64(uint64_t v) {
#if defined(__GNUC__) || defined(__clang__)
  return 64 - __builtin_clzll(v);
#else
  int32_t n = 0;
  while (v) { v >>= 1; n++; }
  return n;
#endif
}

/*
 * A unit's requantisation (multiplier, shift) from its layer's base (multiplier in [0, 2^31), shift) and the
 * unit's float16 scale (bit pattern, >= 0, finite): P = base * significand (exact in 64 bits), rounded half up
 * to 31 bits, the exponent into the shift; below a shift of -31 the multiplier gives up bits instead. The same
 * integers as src/core/quant/unit-multiplier.ts; a zero base or scale gives (0, 0).
 */
static inline void yono_unit_multiplier(int32_t base_multiplier, int32_t base_shift, uint16_t scale_f16,
                                        int32_t *multiplier, int32_t *shift) {
  const int32_t e = (scale_f16 >> 10) & 0x1f;
  const uint32_t mant = e ? 1024u + (scale_f16 & 0x3ffu) : (scale_f16 & 0x3ffu);
  uint64_t p, m;
  int32_t r, s;
  if (base_multiplier <= 0 || mant == 0) { *multiplier = 0; *shift = 0; return; }
  p = (uint64_t)(uint32_t)base_multiplier * mant;
  r = yono_bit_length64(p) - 31;
  s = base_shift + (e ? e - 25 : -24) + r;
  if (s < -31) { r += -31 - s; s = -31; }
  if (r < 0) m = p << -r;
  else if (r == 0) m = p;
  else m = r > 62 ? 0 : (p + ((uint64_t)1 << (r - 1))) >> r;
  if (m == 0x80000000u) { m = 0x40000000u; s++; }
  *multiplier = m ? (int32_t)m : 0;
  *shift = m ? s : 0;
}

/* clamp(requantised acc + out_zero_point, act_min, act_max): the output of every int8 kernel. */
static inline int8_t yono_requantize(int32_t acc, int32_t multiplier, int32_t shift, int32_t out_zero_point,
                                     int32_t act_min, int32_t act_max) {
  int32_t v = yono_multiply_by_quantized_multiplier(acc, multiplier, shift) + out_zero_point;
  return (int8_t)(v < act_min ? act_min : v > act_max ? act_max : v);
}

/* round(x / scale) + zero_point (float32 division, ties away from zero), clamped to int8; NaN -> zero_point. */
static inline int8_t yono_quantize_f32(float x, float scale, int32_t zero_point) {
  float v = x / scale;
  int32_t q;
  if (v != v) return (int8_t)zero_point;
  if (v > 1024.0f) return 127;
  if (v < -1024.0f) return -128;
  q = (int32_t)roundf(v) + zero_point;
  return (int8_t)(q < -128 ? -128 : q > 127 ? 127 : q);
}

/* scale * (q - zero_point), one float32 multiply. */
static inline float yono_dequantize_s8(int8_t q, float scale, int32_t zero_point) {
  return scale * (float)((int32_t)q - zero_point);
}

#endif /* YONO_FIXED_POINT_H */
