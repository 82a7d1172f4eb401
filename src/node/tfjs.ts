import { setupWasmBackend } from '../core/tfjs/backend';

/**
 * Node set-up of tfjs for the CLI, scripts and tests: the WASM backend (tfjs-backend-wasm's Node build
 * finds its .wasm files next to its own package, so no paths are needed) with our convolution gradient
 * kernels registered. Idempotent; returns the backend name.
 */
export async function setupNodeTfjs(opts: { threads?: number } = {}): Promise<string> {
  return setupWasmBackend(opts.threads !== undefined ? { threads: opts.threads } : {});
}
