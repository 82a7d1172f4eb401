/**
 * The PQ-engine functions the pipeline uses, in one place (src/core/pq, issue 2), plus the seeded PRNG.
 */
export { assign, bitsFor, fromSubvectors, kmeans, packIndices, reconstruct, sqnrDb, subvectorLayout, toSubvectors, unpackIndices } from '../pq';
export { createRng } from '../util/random';
