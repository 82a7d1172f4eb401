/** Public API of model/data file I/O: NPY, tfjs model files, import of a user's model. */
export type { NamedFile, FileLike } from './files';
export { baseName, readFileLikes } from './files';
export type { NpyArray, NpyDtype } from './npy';
export { parseNpy, encodeNpy } from './npy';
export type { LayersModelJson } from './modelJson';
export { pickModelJson, parseModelJson, collectWeights } from './modelJson';
export type { LoadedModel } from './loadModel';
export { loadModelFiles } from './loadModel';
export type { EvalData } from './evalData';
export { readEvalData } from './evalData';
export type { ImportRequest, ImportResult } from './importModel';
export { importModel, findNpyPair } from './importModel';
export { saveModelFiles } from './saveModel';
export { utf8Encode, utf8Decode } from '../util/utf8';
