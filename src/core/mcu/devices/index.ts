import { NRF52840 } from './nrf52840';
import { STM32F746 } from './stm32f746';
import { STM32F722 } from './stm32f722';
import { STM32H743 } from './stm32h743';
import type { DeviceProfile } from './types';

export { NRF52840, STM32F722, STM32F746, STM32H743 };
export { STM32L4R5_CALIBRATION } from './calibration-boards';
export type * from './types';
export { ENGINE_IDS } from './types';

/** The simulation targets, by id. */
export const DEVICES = {
  stm32f746: STM32F746,
  stm32h743: STM32H743,
  nrf52840: NRF52840,
  stm32f722: STM32F722,
} as const satisfies Record<string, DeviceProfile>;

/** The id of a simulation target. */
export type DeviceId = keyof typeof DEVICES;

/** The ids `getDevice` accepts, in order. */
export const DEVICE_IDS = Object.keys(DEVICES) as DeviceId[];

/** The profile for an id; throws with the list of known ids otherwise. */
export function getDevice(id: string): DeviceProfile {
  const d = (DEVICES as Record<string, DeviceProfile>)[id];
  if (!d) throw new Error(`unknown device '${id}': use one of ${DEVICE_IDS.join(', ')}`);
  return d;
}

/** A device's one-line label: its name, SRAM and flash (e.g. "STM32F746 (…), 320 KB SRAM, 1 MB flash"). */
export function deviceSummary(d: DeviceProfile): string {
  const size = (b: number) => (b >= 1024 * 1024 && b % (1024 * 1024) === 0 ? `${b / (1024 * 1024)} MB` : `${Math.round(b / 1024)} KB`);
  return `${d.name}, ${size(d.sramBytes)} SRAM, ${size(d.flashBytes)} flash`;
}
