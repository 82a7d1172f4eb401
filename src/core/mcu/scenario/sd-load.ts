import type { DeviceProfile } from '../devices/types';

/** Time and energy of reading one model file from the SD card into SRAM. */
export interface SdLoad {
  /** Seconds. */
  s: number;
  /** Joules (MCU waiting in run mode + card reading). */
  j: number;
  /** f_read calls. */
  reads: number;
}

/**
 * Loads `bytes` from a file on the SD card: optional card init (if powered down between loads), f_open
 * (a few single-sector reads), then ceil(bytes / chunk) f_reads, each costing the per-read overhead plus
 * its bytes at the streaming rate. Energy at V x (MCU wait current + card read current).
 */
export function sdLoad(bytes: number, device: DeviceProfile, chunkBytes: number, powerCycle: boolean): SdLoad {
  if (!(chunkBytes >= 512)) throw new Error(`SD chunk must be at least one 512-byte sector, got ${chunkBytes}`);
  const sd = device.sd;
  const sector = sd.perReadOverheadS + 512 / sd.streamBytesPerS;
  const reads = Math.ceil(bytes / chunkBytes);
  const s = (powerCycle ? sd.initS : 0) + sd.openSectorReads * sector + reads * sd.perReadOverheadS + bytes / sd.streamBytesPerS;
  const j = s * device.power.voltageV * (device.power.sdWaitCurrentA + sd.cardReadCurrentA);
  return { s, j, reads };
}

/** Effective throughput of f_read calls of `chunkBytes` (bytes per second), for checks and the UI. */
export function sdThroughput(device: DeviceProfile, chunkBytes: number): number {
  return chunkBytes / (device.sd.perReadOverheadS + chunkBytes / device.sd.streamBytesPerS);
}
