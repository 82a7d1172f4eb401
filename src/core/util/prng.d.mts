// Types of prng.mjs (plain JS so that install-time scripts share it); see that file.
export function mulberry32(seed: number): () => number;
export function permutation(n: number, next: () => number): Uint32Array;
