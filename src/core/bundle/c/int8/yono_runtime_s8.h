/*
 * yono_runtime_s8.h - the int8 runtime of YONO bundles (exported by YONO Workbench for int8 models, bundle
 * format 2): int8 in, int8 out, as TFLM users expect. The application quantises its features with the
 * model's `input_q` (yono_quantize_f32) and reads the int8 output (the logits before a final softmax) with
 * `output_q` (yono_dequantize_s8). Every tensor lives in a caller-provided arena planned at export; the
 * kernels are yono_kernels_s8.c. No malloc, no float in the arithmetic.
 */
#ifndef YONO_RUNTIME_S8_H
#define YONO_RUNTIME_S8_H

#include <stdint.h>
#include "yono_fixed_point.h"
#include "yono_kernels_s8.h"

/* Op codes of the int8 op table. */
enum {
  YONO_S8_OP_CONV = 1,      /* conv2d, conv1d, pointwise, dense over several positions */
  YONO_S8_OP_DEPTHWISE = 2, /* depthwise (an unfolded batch norm is a 1x1 depthwise) */
  YONO_S8_OP_DENSE = 3,     /* dense on one position */
  YONO_S8_OP_MAXPOOL = 4,
  YONO_S8_OP_AVGPOOL = 5,
  YONO_S8_OP_CLAMP = 6,     /* ReLU / ReLU6 / linear activation layer on its input's parameters */
  YONO_S8_OP_LUT = 7,       /* sigmoid / tanh: 256-entry table indexed by q + 128 */
  YONO_S8_OP_ADD = 8        /* TFLM's int8 add */
};

/* Buffer regions an op reads or writes. */
enum { YONO_S8_BUF_ARENA = 0, YONO_S8_BUF_INPUT = 1, YONO_S8_BUF_OUTPUT = 2 };

/* real = scale * (q - zero_point) */
typedef struct { float scale; int32_t zero_point; } yono_qparams;

/*
 * One op. Weight ops (conv, depthwise, dense) carry their layer's base multiplier and the units' float16
 * scales (n_scales 0: 1.0 for every unit, 1: one for all, units: one each); each unit's multiplier and shift
 * are derived per call (yono_unit_multiplier), and its int32 bias is bias[u] << bias_shift. Units whose stored
 * scale is 0 have all-zero weights: their output is the requantised bias (zero_units lists them).
 */
typedef struct {
  int32_t op;
  int32_t in_buf, in_off, in2_buf, in2_off, out_buf, out_off, size;
  yono_s8_geom g;
  yono_s8_weights w;
  int32_t k;
  int32_t base_mult, base_shift, n_scales;
  const uint16_t *scales_f16;
  const int16_t *bias;
  int32_t bias_shift;
  const uint16_t *zero_units;
  int32_t n_zero_units;
  int32_t in_zp, out_zp, act_min, act_max;
  const int8_t *table;
  int32_t left_shift, in2_zp, mult1, shift1, mult2, shift2, out_mult, out_shift;
} yono_s8_op;

/* A model: its ops, sizes (int8 values) and quantisation. `arena_bytes` includes the per-unit tables (12 B x max_units). */
typedef struct {
  const char *name;
  const yono_s8_op *ops;
  int32_t n_ops;
  int32_t input_size, output_size;
  int32_t arena_bytes, activation_bytes, max_units, scratch_len;
  yono_qparams input_q, output_q;
} yono_s8_model;

/* Called before op i (empty by default; the QEMU check counts instructions per op with it). */
#ifndef YONO_LAYER_HOOK
#define YONO_LAYER_HOOK(i) ((void)0)
#endif

/*
 * Runs model m on `input` (input_size int8 values, quantised with m->input_q) into `output` (output_size int8
 * values, m->output_q). arena: at least m->arena_bytes bytes, 4-byte aligned; scratch: at least
 * m->scratch_len int16 values. Returns 0, or -1 when a buffer is too small.
 */
int yono_run_s8(const yono_s8_model *m, const int8_t *input, int8_t *output, int8_t *arena, int32_t arena_bytes,
                int16_t *scratch, int32_t scratch_len);

/* Index of the largest of n int8 values (the first on ties). */
int32_t yono_argmax_s8(const int8_t *v, int32_t n);

#endif /* YONO_RUNTIME_S8_H */
