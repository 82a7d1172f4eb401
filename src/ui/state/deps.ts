/** What the store needs from outside: the services (real or fakes in tests) and the running jobs. */
import type { Services } from '../services/types';

export interface StoreDeps {
  services: Services;
  /** One AbortController per running job key ('codebook', 'sweep', ...). */
  jobs: Map<string, AbortController>;
  /** Clock for progress throttling (injectable for tests). */
  now: () => number;
}

/** Deps with the given services and a fresh job table. */
export function makeDeps(services: Services): StoreDeps {
  return { services, jobs: new Map(), now: () => Date.now() };
}
