// Types for scripts/data/images.mjs (plain JS so `npm install` can run it without tsx).
export interface ImageSplitSpec { kind: 'global' | 'perClass'; train: number; val: number; test: number }
export interface ImageTask {
  pkg: string; dir: string; seed: number; split: ImageSplitSpec; classNames: string[]; description: string; source: string;
  toBytes(data: unknown[]): Uint8Array;
}
export const IMAGE_TASKS: Record<'digits' | 'fashion', ImageTask>;
export function mulberry32(seed: number): () => number;
export function permutation(n: number, next: () => number): Uint32Array;
export function crc32(bytes: Uint8Array): number;
export function splitIndices(perClassCounts: number[], split: ImageSplitSpec, seed: number): Record<'train' | 'val' | 'test', [number, number][]>;
export function encodeUint8Dataset(meta: Record<string, unknown> & { inputShape: number[]; classNames: string[] }, splits: Record<'train' | 'val' | 'test', { x: Uint8Array; y: Uint8Array }>): { manifest: unknown; files: Record<string, Uint8Array> };
export function upToDate(taskDir: string, task: ImageTask): boolean;
export function filesMatchManifest(taskDir: string, m: { splits: Record<string, { file: string; bytes: number; crc32: number }> }): boolean;
export function buildImageTask(name: string, dataRoot: string, opts?: { force?: boolean }): { skipped: boolean; manifest: unknown };
