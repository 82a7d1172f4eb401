/** Public API of the model layer: the IR, tfjs adapters, IR utilities, evaluation and the manifest. */
export type * from './ir';
export { isWeightLayer } from './ir';
export { fromLayersModel } from './fromLayersModel';
export { toLayersModel } from './toLayersModel';
export { SUPPORTED_LAYER_CLASSES } from './tfjsLayerToIR';
export { foldBatchNorm } from './foldBatchNorm';
export { inferShapes, inferLayerShape, convOutputSize, padBefore, sizeOf } from './shapes';
export { countParams, countMacs, float32Bytes, layerStats, layerParams, layerMacs } from './stats';
export type { LayerStats } from './stats';
export { cloneIR, cloneLayer, cloneTensor } from './clone';
export { irToWeightList, getWeightLayer, replaceKernel } from './weights';
export type { WeightEntry } from './weights';
export { evaluate, predictClasses } from './evaluate';
export type { ModelsManifest, ModelEntry } from './manifest';
export { parseModelsManifest } from './manifest';
