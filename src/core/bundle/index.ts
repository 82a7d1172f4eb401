/** The `.yono` bundle: format, writer, validating reader, inspection, C and tfjs exports (README.md). */
export { BundleError } from './errors';
export type { BundleErrorCode } from './errors';
export { MAGIC, FORMAT_VERSION, HEADER_BYTES, ALIGN, LIMITS } from './format';
export type { BundleManifest, SectionEntry, CodebookEntry, KernelEntry, LayerEntry, ModelEntry, SamplesEntry, Dtype } from './format';
export type { Bundle } from './bundle';
export { sectionView, modelNames } from './bundle';
export { writeBundle } from './write';
export type { WriteBundleOptions, BundleSamples } from './write';
export { encodeBundle } from './encode';
export { readBundle, rewriteBundle } from './read';
export { describeBundle, formatSummary } from './describe';
export type { BundleSummary, LayerSummary } from './describe';
export { bundleModelIR, bundleCodebooks, bundleEncoding, exportTfjs } from './tfjs-export';
export { exportC } from './c/export';
export type { CExport, CExportOptions, CModelBytes } from './c/export';
