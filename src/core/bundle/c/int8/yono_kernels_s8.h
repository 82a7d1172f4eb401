/*
 * yono_kernels_s8.h - int8 kernels of the YONO runtime (exported by YONO Workbench).
 *
 * Activations are int8 with a per-tensor scale and zero point; weights are int8 per output channel, either
 * kept as int8 or decoded from an int8 PQ codebook (each unit's row: its packed subvector indices, each
 * replaced by d codeword values - a table copy; the unit's PQ scale is folded into its requantisation
 * multiplier). Accumulators are int32 with an int32 bias; outputs are requantised by TFLM's
 * MultiplyByQuantizedMultiplier (yono_fixed_point.h), offset and clamped to the activation range.
 *
 * Convolutions decode a tile of output channels into an int16 scratch once per inference, then run every
 * output position against it: two im2col columns (int16, input zero point subtracted, padding = 0) times
 * two channels per step, with __SMLAD (two 16-bit multiply-accumulates per instruction) where
 * __ARM_FEATURE_DSP is defined and plain C with the same bits elsewhere. No malloc, no float in the kernels.
 */
#ifndef YONO_KERNELS_S8_H
#define YONO_KERNELS_S8_H

#include <stdint.h>

/* Geometry, NHWC with batch 1 (conv1d: H = 1; dense: a 1x1xC input and 1x1 kernel). */
typedef struct {
  int32_t in_h, in_w, in_c;
  int32_t out_h, out_w, out_c;
  int32_t k_h, k_w, s_h, s_w, d_h, d_w, pad_t, pad_l;
} yono_s8_geom;

enum { YONO_S8_W_PQ = 1, YONO_S8_W_INT8 = 2 };

/*
 * Weights of `units` output channels, each with a receptive field of `field` values (k_h*k_w*in_c for a
 * convolution, k_h*k_w for a depthwise channel). PQ: unit u's field, in the PQ order (input channel, then
 * ky, kx), is `chunks` codewords of `d` int8 values; their indices are `bits`-bit fields of an LSB-first
 * bit stream starting at bit u*chunks*bits; values past `field` are padding. INT8: `q` in the TensorFlow
 * layout (kh, kw, cin, units; depthwise kh, kw, cin*mult).
 */
typedef struct {
  int32_t format;
  int32_t units, field;
  const int8_t *codebook; /* (k x d) */
  int32_t d, bits, chunks;
  const uint8_t *indices;
  const int8_t *q;
} yono_s8_weights;

/* Quantisation of one op: input and output zero points, activation clamp, per-channel bias and requantisation. */
typedef struct {
  int32_t in_zp, out_zp;
  int32_t act_min, act_max;
  const int32_t *bias; /* (units) or 0 */
  const int32_t *mult; /* (units) multipliers in [0, 2^31) */
  const int32_t *shift; /* (units) -31..31 */
} yono_s8_quant;

/* int16 scratch values a convolution needs at least (one decoded channel pair and two columns). */
int32_t yono_s8_conv_scratch_min(const yono_s8_geom *g);

/* Convolution (conv2d, conv1d, pointwise, dense over positions). Returns 0, or -1 when scratch is too small. */
int yono_s8_conv(const yono_s8_geom *g, const yono_s8_weights *w, const yono_s8_quant *q,
                 const int8_t *x, int8_t *y, int16_t *scratch, int32_t scratch_len);

/* Depthwise convolution with multiplier out_c / in_c. Scratch: out_c * k_h * k_w int16 values. */
int yono_s8_depthwise(const yono_s8_geom *g, const yono_s8_weights *w, const yono_s8_quant *q,
                      const int8_t *x, int8_t *y, int16_t *scratch, int32_t scratch_len);

/*
 * Dense layer on a vector of w->field values (w->units outputs). Scratch: field (rounded up to even) plus,
 * for PQ, k*d int16 values (the codebook widened once per call).
 */
int yono_s8_dense(const yono_s8_weights *w, const yono_s8_quant *q, int32_t k,
                  const int8_t *x, int8_t *y, int16_t *scratch, int32_t scratch_len);

/* Max pooling (input and output share scale and zero point), clamped to [act_min, act_max]. */
void yono_s8_maxpool(const yono_s8_geom *g, int32_t act_min, int32_t act_max, const int8_t *x, int8_t *y);

/* Average pooling as TFLM: the sum of the window's valid values divided by their count, rounded half away from zero. */
void yono_s8_avgpool(const yono_s8_geom *g, int32_t act_min, int32_t act_max, const int8_t *x, int8_t *y);

#endif /* YONO_KERNELS_S8_H */
