/**
 * The writer's own copy of the TFLite schema numbers it emits (tensorflow/lite/schema/schema.fbs v3):
 * kept apart from the reader's `../schema.ts` on purpose, so that a test of the reader on files from
 * this writer does not share one table of constants with it.
 */
export const TYPE = { FLOAT32: 0, INT32: 2, INT8: 9 } as const;
export const BUILTIN = {
  ADD: 0, AVERAGE_POOL_2D: 1, CONCATENATION: 2, CONV_2D: 3, DEPTHWISE_CONV_2D: 4, FULLY_CONNECTED: 9, LOGISTIC: 14,
  MAX_POOL_2D: 17, MUL: 18, RELU: 19, RELU6: 21, RESHAPE: 22, SOFTMAX: 25, TANH: 28, PAD: 34, MEAN: 40, MAXIMUM: 55, MINIMUM: 57,
  LEAKY_RELU: 98,
} as const;
/** BuiltinOptions union member numbers (position in the union, NONE = 0). */
export const OPTIONS = {
  Conv2DOptions: 1, DepthwiseConv2DOptions: 2, Pool2DOptions: 5, FullyConnectedOptions: 8, SoftmaxOptions: 9,
  ConcatenationOptions: 10, AddOptions: 11, ReshapeOptions: 17, MulOptions: 21, PadOptions: 22, ReducerOptions: 27,
  MaximumMinimumOptions: 39, LeakyReluOptions: 75,
} as const;
export const FUSE = { NONE: 0, RELU: 1, RELU6: 3, TANH: 4 } as const;
export const PAD_SAME = 0;
export const PAD_VALID = 1;
