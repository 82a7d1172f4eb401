/**
 * The one door from the UI to the core's pure helpers: everything here is cheap enough for the page's
 * own thread (settings and presets, formatting, small model statistics, the Learn demo's tiny k-means).
 * Heavy work (compression, comparison, simulation, exports, model import) goes to a worker through
 * `services/`. Lint enforces it: outside `services/` the UI imports core values only from here (types
 * from anywhere). Add a helper here only if it runs in milliseconds.
 */
export { PRESET_LABELS, PRESET_NAMES, YONO_FORMATS, basePreset, presetPlan, validatePlan } from '../core/compress/plan/presets';
export { parseFormat } from '../core/compress/plan/formats';
export { formatTestDrop } from '../core/compress/result/report';
export { GROUP_LIMITS, SETTINGS_VERSION, settingOf } from '../core/settings/schema';
export { applySettings, planFromSettings, settingsOf, withEditMark } from '../core/settings/plan';
export { clampValue, parseIntIn } from '../core/settings/values';
export { decodeSettings, encodeSettings } from '../core/settings/params';
export { migratePlan } from '../core/settings/migrate';
export { presetsMatching, samePlan } from '../core/studies/comparison';
export { DEVICES as DEVICE_PROFILES, DEVICE_IDS, deviceSummary } from '../core/mcu/devices';
export { countParams, layerStats } from '../core/models/stats';
export { isWeightLayer } from '../core/models/ir';
export { createLearnDemo, firstFrame, nextFrame } from '../core/learn/session';
export { createRng, laplacian } from '../core/util/random';
export { CancelledError } from '../core/util/progress';
export { estimatePlan } from '../core/compress/estimate/estimate';
export { bundleFileSize, bundleModelSize, floatBaseBytes, modelActivations, modelBaseBytes, reportSize } from '../core/report/sizes';
