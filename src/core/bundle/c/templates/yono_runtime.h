/*
 * yono_runtime.h - portable C99 runtime for YONO bundles (exported by YONO Workbench).
 *
 * Runs models whose weights are product-quantized into shared codebooks, decoding each output unit's
 * weights from the codebook on the fly (one receptive field at a time, into a small scratch). No malloc,
 * no double, no recursion; activations are float32 in a caller-provided arena planned at export.
 * The op table of each model is generated into <model>_data.c; see README.md.
 */
#ifndef YONO_RUNTIME_H
#define YONO_RUNTIME_H

#include <stdint.h>

/* Op codes (the same numbers as OP in src/core/program/program.ts). */
enum {
  YONO_OP_CONV = 1,        /* conv2d, conv1d (H = 1) and dense (1x1 over every position) */
  YONO_OP_DEPTHWISE = 2,
  YONO_OP_MAXPOOL = 3,
  YONO_OP_AVGPOOL = 4,
  YONO_OP_GLOBALMAX = 5,
  YONO_OP_GLOBALAVG = 6,
  YONO_OP_ACTIVATION = 7,
  YONO_OP_BATCHNORM = 8,
  YONO_OP_ADD = 9,
  YONO_OP_COPY = 10,
  /* Float ops of the layers added for Keras-application and TFLite coverage; their fields:
     PAD: out[oy][ox] = in[oy - pad_t][ox - pad_l], 0 outside (ZeroPadding2D; Cropping2D with pads <= 0).
     CONCAT: one op per input: in_h rows of in_c floats written at out with a row stride of out_c floats.
     MUL, MAXIMUM, MINIMUM, AVERAGE: one op per input after the first; in is in_h x in_w x in_c, in2 is
       k_h x k_w x mult, a dimension of 1 broadcasting to the output's; AVERAGE: y = (a + b) * params[0].
     UP_NEAREST, UP_BILINEAR: factors s_h x s_w (bilinear: tf.image.resizeBilinear, corners not aligned).
     PERMUTE: output axes H, W, C advance the input by k_h, k_w, mult floats.
     PRELU: alpha (bn_scale) is k_h x k_w x mult, broadcast as in MUL.
     LEAKY_RELU [alpha], THRESHOLDED_RELU [theta], CLIPPED_RELU [max], RESCALE [scale, offset],
     FAKE_QUANT [scale, zero point, qmin, qmax]: element-wise with those params. */
  YONO_OP_PAD = 32,
  YONO_OP_CONCAT = 33,
  YONO_OP_MUL = 34,
  YONO_OP_MAXIMUM = 35,
  YONO_OP_MINIMUM = 36,
  YONO_OP_AVERAGE = 37,
  YONO_OP_UP_NEAREST = 38,
  YONO_OP_UP_BILINEAR = 39,
  YONO_OP_PERMUTE = 40,
  YONO_OP_PRELU = 41,
  YONO_OP_LEAKY_RELU = 42,
  YONO_OP_THRESHOLDED_RELU = 43,
  YONO_OP_CLIPPED_RELU = 44,
  YONO_OP_RESCALE = 45,
  YONO_OP_FAKE_QUANT = 46
};

/* Activations (as tfjs-layers 4.22 defines them: ELU alpha 1, hard sigmoid clip(0.2x + 0.5, 0, 1), GELU with
   tfjs' erf approximation, GELU_NEW the tanh form). */
enum { YONO_ACT_LINEAR = 0, YONO_ACT_RELU = 1, YONO_ACT_RELU6 = 2, YONO_ACT_SIGMOID = 3, YONO_ACT_TANH = 4, YONO_ACT_SOFTMAX = 5,
       YONO_ACT_ELU = 6, YONO_ACT_SELU = 7, YONO_ACT_SOFTPLUS = 8, YONO_ACT_SOFTSIGN = 9, YONO_ACT_SWISH = 10, YONO_ACT_MISH = 11,
       YONO_ACT_GELU = 12, YONO_ACT_GELU_NEW = 13, YONO_ACT_HARD_SIGMOID = 14 };

/* Kernel storage formats. */
enum { YONO_W_NONE = 0, YONO_W_PQ = 1, YONO_W_INT8 = 2, YONO_W_F32 = 3 };

/* Buffer regions an op reads or writes. */
enum { YONO_BUF_ARENA = 0, YONO_BUF_INPUT = 1, YONO_BUF_OUTPUT = 2 };

/*
 * A kernel. PQ: unit u's receptive field is `chunks` codewords of length d, whose indices are `bits`-bit
 * fields of an LSB-first bit stream starting at bit u * chunks * bits; weights = codeword * scale
 * (n_scales 0: no scale, 1: per layer, units: per unit). INT8: q * scales[u]; F32: data. The codebook,
 * the scales (and op biases) are float32 arrays or IEEE float16 bit patterns (`codebook_f16`,
 * `scales_f16`, `bias_f16`): one pointer of each pair is set. Exports of current bundles store codebooks
 * as float16 (each value converted to float32 as the kernel reads it); float32 codebooks come from
 * bundles written before that. INT8 and F32 kernels keep the TensorFlow layout (kh x kw x cin x units,
 * or kh x kw x cin x mult for depthwise).
 */
typedef struct {
  int32_t format;
  int32_t units;
  int32_t field;
  int32_t d;
  int32_t bits;
  int32_t chunks;
  int32_t n_scales;
  const float *codebook;
  const uint16_t *codebook_f16; /* the codebook as IEEE float16 bit patterns (then `codebook` is 0) */
  const uint8_t *indices;
  const float *scales;
  const uint16_t *scales_f16; /* the scales as IEEE float16 bit patterns (then `scales` is 0) */
  const int8_t *q;
  const float *data;
} yono_weights;

/* One op: operands as (region, offset in floats), NHWC geometry (rank-1 = 1x1xC, rank-2 = 1xWxC). */
typedef struct {
  int32_t op;
  int32_t act;
  int32_t in_buf, in_off;
  int32_t in2_buf, in2_off;
  int32_t out_buf, out_off;
  int32_t size;
  int32_t in_h, in_w, in_c;
  int32_t out_h, out_w, out_c;
  int32_t k_h, k_w, s_h, s_w, d_h, d_w, pad_t, pad_l, mult;
  const yono_weights *w;
  const float *bias;
  const uint16_t *bias_f16; /* the bias as IEEE float16 bit patterns (then `bias` is 0) */
  const float *bn_scale;
  const float *bn_shift;
  const float *params; /* float parameters of the ops from 32 (0 elsewhere) */
} yono_op;

/* A compiled model. */
typedef struct {
  const char *name;
  const yono_op *ops;
  int32_t n_ops;
  int32_t input_size;
  int32_t output_size;
  int32_t arena_floats;
  int32_t scratch_floats;
} yono_model;

/*
 * Runs one inference: reads `input` (input_size floats), writes `output` (output_size floats). `arena` and
 * `scratch` must hold at least the model's arena_floats and scratch_floats. Returns 0, or -1 when a
 * buffer is too small. Switching models is passing another yono_model pointer: nothing to load.
 */
int yono_run(const yono_model *m, const float *input, float *output,
             float *arena, int32_t arena_floats, float *scratch, int32_t scratch_floats);

/*
 * The float value of an IEEE 754 binary16 bit pattern (exact; bit manipulation only, no double). The
 * kernels use the compiler's __fp16 conversion instead where it is IEEE binary16 (__ARM_FP16_FORMAT_IEEE,
 * e.g. arm-none-eabi-gcc -mfp16-format=ieee: one VCVTB instruction on a Cortex-M4F/M7); both are exact.
 */
float yono_f16_to_f32(uint16_t h);

/* Index of the largest of v[0..n) (the first on ties). */
int32_t yono_argmax(const float *v, int32_t n);

#endif /* YONO_RUNTIME_H */
