// Convolution gradient kernels: tfjs built-ins vs ours. Run: npx tsx bench/kernels.ts [--skip-slow]
// Shapes: the 3x3 conv 28x28x16 -> 32 (same padding), batch 32, and a depthwise 3x3 on 14x14x64.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerTrainingKernels } from '../src/core/tfjs/trainingKernels';
import { setupWasmBackend } from '../src/core/tfjs/backend';

const skipSlow = process.argv.includes('--skip-slow');

function time(label: string, fn: () => tf.Tensor, reps: number): number {
  fn().dispose(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) { const r = fn(); r.dataSync(); r.dispose(); }
  const ms = (performance.now() - t0) / reps;
  console.log(`${label.padEnd(72)} ${ms.toFixed(1).padStart(9)} ms`);
  return ms;
}

const conv = { strides: [1, 1], pad: 'same', dataFormat: 'NHWC' };
const dw = { strides: [1, 1], pad: 'same', dilations: [1, 1] };
function cases(be: string, reps: number, which: string[]) {
  const x = tf.randomNormal([32, 28, 28, 16]);
  const f = tf.randomNormal([3, 3, 16, 32]);
  const dy = tf.randomNormal([32, 28, 28, 32]);
  const dx = tf.randomNormal([32, 14, 14, 64]);
  const df = tf.randomNormal([3, 3, 64, 1]);
  const ddy = tf.randomNormal([32, 14, 14, 64]);
  const run = (name: string, ins: tf.NamedTensorMap, attrs: object) => () => tf.engine().runKernel(name, ins, attrs as tf.NamedAttrMap) as tf.Tensor;
  const out: Record<string, number> = {};
  if (which.includes('fwd')) out.fwd = time(`${be}: conv2d forward`, () => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same'), reps);
  if (which.includes('cf')) out.cf = time(`${be}: Conv2DBackpropFilter`, run('Conv2DBackpropFilter', { x, dy }, { ...conv, filterShape: [3, 3, 16, 32] }), reps);
  if (which.includes('ci')) out.ci = time(`${be}: Conv2DBackpropInput`, run('Conv2DBackpropInput', { dy, filter: f }, { ...conv, inputShape: [32, 28, 28, 16] }), reps);
  if (which.includes('df')) out.df = time(`${be}: DepthwiseConv2dNativeBackpropFilter (14x14x64)`, run('DepthwiseConv2dNativeBackpropFilter', { x: dx, dy: ddy }, { ...dw, filterShape: [3, 3, 64, 1] }), reps);
  if (which.includes('di')) out.di = time(`${be}: DepthwiseConv2dNativeBackpropInput (14x14x64)`, run('DepthwiseConv2dNativeBackpropInput', { dy: ddy, filter: df }, { ...dw, inputShape: [32, 14, 14, 64] }), reps);
  tf.dispose([x, f, dy, dx, df, ddy]);
  return out;
}

console.log('-- built-in kernels');
await tf.setBackend('cpu');
const cpuBuiltin = cases('cpu built-in', 1, skipSlow ? ['di', 'df'] : ['cf', 'ci', 'df', 'di']);
await tf.setBackend('wasm');
const wasmBuiltin = cases('wasm built-in', 5, ['fwd', 'ci']);

console.log('-- ours');
registerTrainingKernels('cpu');
await tf.setBackend('cpu');
const cpuOurs = cases('cpu + ours (pure TS)', 3, ['cf', 'ci', 'df', 'di']);
await setupWasmBackend();
const wasmOurs = cases('wasm + ours (im2col + XNNPACK matmul; depthwise TS)', 10, ['cf', 'ci', 'df', 'di']);

console.log('-- speed-ups');
const r = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(1)}x` : 'n/a');
console.log(`Conv2DBackpropFilter: wasm+ours vs cpu built-in ${r(cpuBuiltin.cf, wasmOurs.cf)}; cpu+ours vs cpu built-in ${r(cpuBuiltin.cf, cpuOurs.cf)}`);
console.log(`Conv2DBackpropInput: wasm+ours vs wasm built-in ${r(wasmBuiltin.ci, wasmOurs.ci)}; vs cpu built-in ${r(cpuBuiltin.ci, wasmOurs.ci)}`);
console.log(`Depthwise filter: wasm+ours vs cpu built-in ${r(cpuBuiltin.df, wasmOurs.df)}; input: ${r(cpuBuiltin.di, wasmOurs.di)}`);
console.log(`filter gradient / forward on wasm: ${r(wasmOurs.cf, wasmBuiltin.fwd)}`);
