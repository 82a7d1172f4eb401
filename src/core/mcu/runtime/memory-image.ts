import type { Bundle } from '../../bundle/bundle';
import { HEADER_BYTES } from '../../bundle/format';
import type { Program } from '../../program/program';
import { WFMT } from '../../program/program';
import type { SramLayout } from './sram';
import { allocateSram, sramLayout } from './sram';
import type { McuKernel } from './wasm/load';

/** What a region of the simulated memories holds. */
export type RegionKind = 'header' | 'manifest' | 'codebook' | 'indices' | 'scales' | 'kept' | 'bias' | 'batchNorm' | 'samples' | 'padding'
  | 'arena' | 'scratch' | 'input' | 'output';

/** One region of flash or SRAM: byte offset and length within that memory. */
export interface MemoryRegion { memory: 'flash' | 'sram'; kind: RegionKind; name: string; offset: number; bytes: number }

/**
 * The virtual MCU's memories for one model: flash is the bundle's bytes as they were flashed (the runtime
 * reads every weight, index and codeword from typed views of it, never from a decoded copy); SRAM is one
 * buffer (the SIMD kernels' memory when they run) holding the planned activation arena, the input and
 * output buffers and the decode scratch.
 */
export interface MemoryImage {
  flash: Uint8Array;
  sram: ArrayBuffer;
  layout: SramLayout;
  /** The SIMD kernels bound to `sram`, or null (plain TypeScript kernels). */
  kernel: McuKernel | null;
  arena: Float32Array;
  input: Float32Array;
  output: Float32Array;
  /** One decoded receptive field. */
  scratch: Float32Array;
  /** Tap-major weights of up to sixteen units (interleaved for the SIMD kernels), and their biases. */
  w16: Float32Array;
  bias16: Float32Array;
  regions: MemoryRegion[];
  /** Bytes of flash the model uses (its sections plus the codebooks it reads). */
  flashBytesUsed: number;
  /** SRAM of the model on an MCU: arena + scratch (as the C runtime needs it) + input + output. */
  sramBytes: number;
}

function sectionKind(name: string): RegionKind {
  if (name.startsWith('codebook/')) return 'codebook';
  const tail = name.slice(name.lastIndexOf('/') + 1);
  if (name.includes('/samples/')) return 'samples';
  if (tail === 'indices') return 'indices';
  if (tail === 'scales') return 'scales';
  if (tail === 'bias') return 'bias';
  if (tail === 'scale' || tail === 'shift') return 'batchNorm';
  return 'kept';
}

/** Flash regions of a bundle: header, manifest and every section, by file offset. */
export function flashRegions(bundle: Bundle): MemoryRegion[] {
  const r: MemoryRegion[] = [
    { memory: 'flash', kind: 'header', name: 'header', offset: 0, bytes: HEADER_BYTES },
    { memory: 'flash', kind: 'manifest', name: 'manifest', offset: HEADER_BYTES, bytes: bundle.dataOffset - HEADER_BYTES },
  ];
  for (const s of bundle.manifest.sections) {
    r.push({ memory: 'flash', kind: sectionKind(s.name), name: s.name, offset: bundle.dataOffset + s.offset, bytes: s.length });
  }
  return r;
}

/**
 * Lays out the memories of `program` over the bundle's flash. `simd` (default true) runs the convolutions
 * on the WebAssembly SIMD kernels when the host has them; both paths give the same bits.
 */
export function createMemoryImage(bundle: Bundle, program: Program, opts: { simd?: boolean } = {}): MemoryImage {
  let decoded = 1, field = 1;
  for (const op of program.ops) {
    if (!op.w) continue;
    decoded = Math.max(decoded, op.w.format === WFMT.pq ? op.w.chunks * op.w.d : op.w.field);
    field = Math.max(field, op.w.field);
  }
  const layout = sramLayout(program, decoded, field);
  const { buffer, kernel } = allocateSram(layout, opts.simd ?? true);
  const view = (o: number, n: number) => new Float32Array(buffer, o, n);
  const regions: MemoryRegion[] = [...flashRegions(bundle),
    { memory: 'sram', kind: 'arena', name: 'arena', offset: 0, bytes: program.arenaFloats * 4 },
    { memory: 'sram', kind: 'scratch', name: 'scratch', offset: program.arenaFloats * 4, bytes: program.scratchFloats * 4 },
    { memory: 'sram', kind: 'input', name: 'input', offset: (program.arenaFloats + program.scratchFloats) * 4, bytes: program.inputSize * 4 },
    { memory: 'sram', kind: 'output', name: 'output', offset: (program.arenaFloats + program.scratchFloats + program.inputSize) * 4, bytes: program.outputSize * 4 }];
  const prefix = `${program.model}/`;
  const cbNames = new Set<string>();
  for (const op of program.ops) if (op.w && op.w.codebook >= 0) cbNames.add(bundle.manifest.sections[op.w.codebook].name);
  const flashBytesUsed = regions.filter((r) => r.memory === 'flash' && (r.name.startsWith(prefix) || cbNames.has(r.name)) && r.kind !== 'samples')
    .reduce((s, r) => s + r.bytes, 0);
  return {
    flash: bundle.bytes, sram: buffer, layout, kernel,
    arena: view(layout.arena, program.arenaFloats), input: view(layout.input, program.inputSize), output: view(layout.output, program.outputSize),
    scratch: view(layout.decoded, decoded), w16: view(layout.w16, field * 16), bias16: view(layout.bias16, 16),
    regions, flashBytesUsed, sramBytes: (program.arenaFloats + program.scratchFloats + program.inputSize + program.outputSize) * 4,
  };
}
