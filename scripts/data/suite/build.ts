// `npm run data -- --only suite` (or a suite task's name): rebuilds the generalization suite's data.
import type { SuiteName } from '../../../src/core/data/suite';
import type { EncodedDataset } from '../../../src/core/data/index';
import { summary, writeEncoded } from '../write';

const build = (encode: () => Promise<EncodedDataset>) => async (dataRoot: string): Promise<void> => {
  const enc = await encode();
  writeEncoded(dataRoot, enc);
  console.log(summary(enc.manifest));
};

/** One builder per suite task; the modules load only when their task is asked for. */
export const SUITE_BUILDERS: Record<SuiteName, (dataRoot: string) => Promise<void>> = {
  spam: build(async () => (await import('./spam')).encodeSpam()),
  ecg: build(async () => (await import('./synthetic')).encodeEcg()),
  shapes: build(async () => (await import('./synthetic')).encodeShapes()),
  clothes8: build(async () => (await import('./clothes8')).encodeClothes8()),
};
