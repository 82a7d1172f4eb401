import { BundleError } from '../bundle/errors';
import type { LayerEntry, ModelEntry } from '../bundle/format';
import type { LayerKind } from '../models/ir';
import { ACT } from './program';

/** Layer kinds the virtual MCU and the C runtime execute (the C export writes the same op program). */
export const RUNTIME_LAYER_KINDS: readonly LayerKind[] = [
  'input', 'dense', 'conv1d', 'conv2d', 'depthwiseConv2d', 'batchNorm', 'maxPool2d', 'avgPool2d', 'maxPool1d', 'avgPool1d',
  'globalAvgPool1d', 'globalAvgPool2d', 'globalMaxPool1d', 'globalMaxPool2d', 'flatten', 'reshape', 'activation', 'add',
  'zeroPad2d', 'crop2d', 'concat', 'multiply', 'average', 'maximum', 'minimum', 'upSample2d', 'permute', 'prelu',
  'leakyRelu', 'thresholdedRelu', 'clippedRelu', 'rescale', 'fakeQuant',
];

/** One layer a runtime cannot execute, and why. */
export interface UnsupportedLayer { layer: string; kind: LayerKind; why: string }

/** The layers of a bundle model that the virtual MCU and the C runtime cannot execute (empty: all run). */
export function unsupportedLayers(m: ModelEntry): UnsupportedLayer[] {
  const out: UnsupportedLayer[] = [];
  const kinds = new Set(RUNTIME_LAYER_KINDS);
  for (const l of m.layers as LayerEntry[]) {
    if (!kinds.has(l.kind)) { out.push({ layer: l.name, kind: l.kind, why: `op '${l.kind}'` }); continue; }
    if ('activation' in l && !(l.activation in ACT)) out.push({ layer: l.name, kind: l.kind, why: `activation '${l.activation}'` });
  }
  return out;
}

/**
 * Throws a BundleError (code `unsupported`) naming every layer of model `m` that the runtime cannot
 * execute, with its op or activation, and what the runtime supports. `who` names the runtime
 * ("the virtual MCU and the C export").
 */
export function assertRuntimeSupports(m: ModelEntry, who = 'the virtual MCU and the C runtime'): void {
  if (m.arithmetic === 'int8') {
    throw new BundleError('unsupported', `Model '${m.name}' is an int8 model (bundle format 2): it runs on the int8 runtime (mcu/runtime/int8), not as a float program.`);
  }
  const bad = unsupportedLayers(m);
  if (bad.length === 0) return;
  const list = bad.map((b) => `layer '${b.layer}' (${b.why})`).join(', ');
  throw new BundleError('unsupported', `Model '${m.name}' cannot run on ${who} yet: ${list}. ` +
    `They execute the layer kinds ${RUNTIME_LAYER_KINDS.filter((k) => k !== 'input').join(', ')} with the activations ${Object.keys(ACT).join(', ')}. ` +
    'The model still evaluates, compresses and exports to tfjs in the workbench.');
}
