/** Generators of the generalization suite's synthetic tasks (see README.md in this folder). */
export { ECG_CLASSES, ECG_RATE, ECG_WINDOW, ecgWindow } from './ecg';
export { SHAPE_CLASSES, SHAPES_SIDE, shapeImage } from './shapes';
export { areaResize } from './resize';
export { generateBalanced } from './generate';
export type { BalancedOptions, GeneratedSplit } from './generate';
