/** The PQ engine: subvector layouts, k-means, assignment, bit packing, decoding, metrics, bytes. */
export type { KernelKind, SubvectorLayout } from './layout';
export { subvectorLayout, toSubvectors, fromSubvectors, fieldOffsets } from './layout';
export type { KMeansOptions, KMeansResult } from './kmeans';
export { kmeans } from './kmeans';
export type { KMeansInit } from './init';
export { initCentroids, kmeansPlusPlus } from './init';
export type { AssignOptions } from './assign';
export { assign } from './assign';
export type { Backend, LloydEngine } from './engine';
export { createEngine, createEngineSync } from './engine-create';
export { loadKernel, wasmSimdSupported } from './wasm/load';
export { bitsFor, packIndices, unpackIndices, packedLength } from './pack';
export { reconstruct } from './reconstruct';
export { mse, sqnrDb } from './metrics';
export { packedIndexBytes, codebookBytes, float32Bytes } from './bytes';
