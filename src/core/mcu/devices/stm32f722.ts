import { STM32F746 } from './stm32f746';
import type { DeviceProfile } from './types';

/**
 * STM32F722RC: the STM32F746's Cortex-M7 at 216 MHz with 256 KB of flash and 256 KB of SRAM (DS DocID029808:
 * STM32F722xC, 256 KB flash; 256 KB SRAM = 64 KB DTCM + 176 KB SRAM1 + 16 KB SRAM2). Same flash wait states,
 * SDMMC and currents as the STM32F746 profile, whose run and sleep currents already come from this datasheet.
 * The small-flash profile: four uncompressed int8 models and their interpreter do not fit its flash.
 */
export const STM32F722: DeviceProfile = {
  ...STM32F746,
  id: 'stm32f722',
  name: 'STM32F722RC (Cortex-M7, 216 MHz, 256 KB flash)',
  sramBytes: 256 * 1024,
  flashBytes: 256 * 1024,
};
