/** Public API of the dataset layer: types, the file format and the built-in task loader. */
export type { Dataset, Split, TaskName, Modality, SplitName } from './types';
export { TASK_NAMES, SPLIT_NAMES, isTaskName } from './types';
export type { DatasetManifest, SplitEntry, StoredDtype, Compression } from './manifest';
export { parseManifest } from './manifest';
export { parseDataset, decodeSplit, sampleSize } from './decode';
export { encodeDataset, manifestText } from './encode';
export type { EncodedDataset, StoredSplit, DatasetMeta } from './encode';
export { loadTask, manifestPath } from './load';
export type { DataLoader } from './load';
export type { SuiteName, DatasetName } from './suite';
export { SUITE_NAMES, isSuiteName, isDatasetName } from './suite';
