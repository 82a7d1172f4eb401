/** The C export's options and figures (float and int8 exports alike). */

/** Options of the C export. */
export interface CExportOptions {
  /** Models to export (default: all in the bundle). */
  models?: string[];
  /** Stored test samples per model to include for main.c (default 10; capped by what the bundle stores). */
  samples?: number;
  /** Name of the bundle file, for the README. */
  bundleName?: string;
}

/** Bytes of one exported model, by kind (32-bit target sizes for the tables). */
export interface CModelBytes {
  name: string;
  /** Flash: packed indices, PQ/int8 scales, kept int8/float32 kernels, biases + batch norm, op/weight tables. */
  indices: number; scales: number; kept: number; biases: number; tables: number;
  /** Sum of the above plus the codebooks it reads (shared ones counted in full for each model). */
  flash: number;
  /** Stored test samples (example only). */
  samples: number;
  sampleCount: number;
  arenaBytes: number; scratchBytes: number; outputBytes: number;
}

/** What the export writes and its memory figures. */
export interface CExport {
  files: { path: string; text: string }[];
  models: CModelBytes[];
  /** Flash of everything but the samples (codebooks once), and the samples. */
  flashBytes: number;
  codebookBytes: number;
  sampleBytes: number;
  /** RAM: the static arena, scratch and output buffer (the largest over the exported models). */
  ramBytes: number;
  arenaBytes: number; scratchBytes: number; outputBytes: number;
  /** int8 exports: the input buffer (int8) and the arithmetic (absent: float32). */
  inputBytes?: number;
  arithmetic?: 'int8';
}
