// Vocabulary of the keywords task.

/** The ten keywords (class ids 0..9), then "silence" (10) and "unknown" (11), as in Speech Commands. */
export const KEYWORDS = ['yes', 'no', 'up', 'down', 'left', 'right', 'on', 'off', 'stop', 'go'] as const;
export const CLASS_NAMES = [...KEYWORDS, 'silence', 'unknown'];
export const SILENCE = 10;
export const UNKNOWN = 11;

/**
 * Words of the "unknown" class: Speech Commands' auxiliary words (none is a homophone or a near-miss of a
 * keyword; near-misses such as "note" or "cup" made the synthetic task far harder than the real one).
 */
export const UNKNOWN_WORDS: readonly string[] = [
  'bed', 'bird', 'cat', 'dog', 'happy', 'house', 'marvin', 'sheila', 'tree', 'wow', 'zero', 'one', 'two', 'three',
  'four', 'five', 'six', 'seven', 'eight', 'nine', 'backward', 'forward', 'follow', 'learn', 'visual',
];

/** Background speech for babble noise (never a keyword). */
export const BABBLE_WORDS: readonly string[] = [
  'the weather is nice today', 'can you hear me', 'what time is it', 'please call me later', 'hello there',
  'good morning', 'thank you very much', 'I think so', 'maybe tomorrow', 'where is the station', 'how are you',
  'that sounds great', 'see you soon', 'let me check', 'are you sure', 'it was a long day', 'coffee or tea',
  'the meeting starts at nine', 'I will be there', 'what did you say', 'this is interesting', 'we should talk',
];
