import type { Bundle } from '../../bundle/bundle';
import { HEADER_BYTES } from '../../bundle/format';
import type { Program } from './program';

/** What a region of the simulated memories holds. */
export type RegionKind = 'header' | 'manifest' | 'codebook' | 'indices' | 'scales' | 'kept' | 'bias' | 'batchNorm' | 'samples' | 'padding'
  | 'arena' | 'scratch' | 'input' | 'output';

/** One region of flash or SRAM: byte offset and length within that memory. */
export interface MemoryRegion { memory: 'flash' | 'sram'; kind: RegionKind; name: string; offset: number; bytes: number }

/**
 * The virtual MCU's memories for one model: flash is the bundle's bytes as they were flashed (the runtime
 * reads every weight, index and codeword from typed views of it, never from a decoded copy); SRAM holds the
 * planned activation arena, the decode scratch (one receptive field) and the input/output buffers.
 */
export interface MemoryImage {
  flash: Uint8Array;
  arena: Float32Array;
  scratch: Float32Array;
  input: Float32Array;
  output: Float32Array;
  regions: MemoryRegion[];
  /** Bytes of flash the model uses (its sections plus the codebooks it reads) and of SRAM in total. */
  flashBytesUsed: number;
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

/** Lays out the memories of `program` over the bundle's flash. */
export function createMemoryImage(bundle: Bundle, program: Program): MemoryImage {
  const arena = new Float32Array(program.arenaFloats);
  const scratch = new Float32Array(program.scratchFloats);
  const input = new Float32Array(program.inputSize);
  const output = new Float32Array(program.outputSize);
  let at = 0;
  const sram = (kind: RegionKind, floats: number): MemoryRegion => {
    const reg: MemoryRegion = { memory: 'sram', kind, name: kind, offset: at, bytes: floats * 4 };
    at += floats * 4;
    return reg;
  };
  const regions = [...flashRegions(bundle), sram('arena', arena.length), sram('scratch', scratch.length), sram('input', input.length), sram('output', output.length)];
  const prefix = `${program.model}/`;
  const cbNames = new Set<string>();
  for (const op of program.ops) if (op.w && op.w.codebook >= 0) cbNames.add(bundle.manifest.sections[op.w.codebook].name);
  const flashBytesUsed = regions.filter((r) => r.memory === 'flash' && (r.name.startsWith(prefix) || cbNames.has(r.name)) && r.kind !== 'samples')
    .reduce((s, r) => s + r.bytes, 0);
  return { flash: bundle.bytes, arena, scratch, input, output, regions, flashBytesUsed, sramBytes: at };
}
