/*
 * yono_runtime_s8.c - the int8 runtime of YONO bundles (exported by YONO Workbench); see yono_runtime_s8.h.
 * The same ops, in the same order, with the same integers as the workbench's virtual MCU (its int8 runtime
 * and its reference execution), so the outputs are the same bits.
 */
#include "yono_runtime_s8.h"

static int8_t *buf_of(int32_t b, const int8_t *input, int8_t *output, int8_t *arena) {
  return b == YONO_S8_BUF_INPUT ? (int8_t *)input : b == YONO_S8_BUF_OUTPUT ? output : arena;
}

/* Each unit's multiplier, shift and int32 bias into the unit tables (mult, shift, bias: units values each). */
static void unit_tables(const yono_s8_op *op, int32_t units, int32_t *mult, int32_t *shift, int32_t *bias) {
  int32_t u;
  for (u = 0; u < units; u++) {
    uint16_t s = op->n_scales == 0 ? (uint16_t)0x3c00u : op->scales_f16[op->n_scales == 1 ? 0 : u];
    if (s == 0) s = 0x3c00u; /* an all-zero unit: scale 1.0 so that its bias survives */
    yono_unit_multiplier(op->base_mult, op->base_shift, s, &mult[u], &shift[u]);
    bias[u] = op->bias ? (int32_t)op->bias[u] * (int32_t)(1 << op->bias_shift) : 0;
  }
}

/* Units with all-zero weights output their requantised bias at every position. */
static void zero_units(const yono_s8_op *op, const yono_s8_quant *q, int32_t units, int8_t *y) {
  int32_t i, p, positions = op->size / units;
  for (i = 0; i < op->n_zero_units; i++) {
    int32_t u = op->zero_units[i];
    int8_t v = yono_requantize(q->bias ? q->bias[u] : 0, q->mult[u], q->shift[u], q->out_zp, q->act_min, q->act_max);
    for (p = 0; p < positions; p++) y[p * units + u] = v;
  }
}

static int weight_op(const yono_s8_op *op, const int8_t *x, int8_t *y, int32_t *tables, int16_t *scratch, int32_t scratch_len) {
  const int32_t units = op->w.units;
  yono_s8_quant q;
  int rc;
  unit_tables(op, units, tables, tables + units, tables + 2 * units);
  q.in_zp = op->in_zp; q.out_zp = op->out_zp; q.act_min = op->act_min; q.act_max = op->act_max;
  q.mult = tables; q.shift = tables + units; q.bias = op->bias ? tables + 2 * units : 0;
  if (op->op == YONO_S8_OP_CONV) rc = yono_s8_conv(&op->g, &op->w, &q, x, y, scratch, scratch_len);
  else if (op->op == YONO_S8_OP_DEPTHWISE) rc = yono_s8_depthwise(&op->g, &op->w, &q, x, y, scratch, scratch_len);
  else rc = yono_s8_dense(&op->w, &q, op->k, x, y, scratch, scratch_len);
  if (rc == 0 && op->n_zero_units) zero_units(op, &q, units, y);
  return rc;
}

static void add_op(const yono_s8_op *op, const int8_t *a, const int8_t *b, int8_t *y) {
  int32_t i;
  const int32_t ls = 1 << op->left_shift;
  for (i = 0; i < op->size; i++) {
    int32_t va = yono_multiply_by_quantized_multiplier(((int32_t)a[i] - op->in_zp) * ls, op->mult1, op->shift1);
    int32_t vb = yono_multiply_by_quantized_multiplier(((int32_t)b[i] - op->in2_zp) * ls, op->mult2, op->shift2);
    int32_t v = yono_multiply_by_quantized_multiplier(va + vb, op->out_mult, op->out_shift) + op->out_zp;
    y[i] = (int8_t)(v < op->act_min ? op->act_min : v > op->act_max ? op->act_max : v);
  }
}

int yono_run_s8(const yono_s8_model *m, const int8_t *input, int8_t *output, int8_t *arena, int32_t arena_bytes,
                int16_t *scratch, int32_t scratch_len) {
  int32_t i, j;
  int32_t *tables = (int32_t *)(void *)(arena + m->activation_bytes);
  if (arena_bytes < m->arena_bytes || scratch_len < m->scratch_len) return -1;
  for (i = 0; i < m->n_ops; i++) {
    const yono_s8_op *op = &m->ops[i];
    const int8_t *x = buf_of(op->in_buf, input, output, arena) + op->in_off;
    int8_t *y = buf_of(op->out_buf, input, output, arena) + op->out_off;
    YONO_LAYER_HOOK(i);
    switch (op->op) {
      case YONO_S8_OP_CONV: case YONO_S8_OP_DEPTHWISE: case YONO_S8_OP_DENSE:
        if (weight_op(op, x, y, tables, scratch, scratch_len) != 0) return -1;
        break;
      case YONO_S8_OP_MAXPOOL: yono_s8_maxpool(&op->g, op->act_min, op->act_max, x, y); break;
      case YONO_S8_OP_AVGPOOL: yono_s8_avgpool(&op->g, op->act_min, op->act_max, x, y); break;
      case YONO_S8_OP_CLAMP:
        for (j = 0; j < op->size; j++) y[j] = (int8_t)(x[j] < op->act_min ? op->act_min : x[j] > op->act_max ? op->act_max : x[j]);
        break;
      case YONO_S8_OP_LUT:
        for (j = 0; j < op->size; j++) y[j] = op->table[(int32_t)x[j] + 128];
        break;
      case YONO_S8_OP_ADD: add_op(op, x, buf_of(op->in2_buf, input, output, arena) + op->in2_off, y); break;
      default: return -1;
    }
  }
  YONO_LAYER_HOOK(m->n_ops);
  return 0;
}

int32_t yono_argmax_s8(const int8_t *v, int32_t n) {
  int32_t i, best = 0;
  for (i = 1; i < n; i++) if (v[i] > v[best]) best = i;
  return best;
}
