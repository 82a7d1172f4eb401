import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { previews } from './scripts/vite-previews.mjs';

// Cross-origin isolation (SharedArrayBuffer, threaded WASM) needs these two headers on every response.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), previews()],
  server: { headers: isolation, port: 5173 },
  preview: { headers: isolation, port: 4173, strictPort: true },
  worker: { format: 'es' },
  // Pre-bundled up front: otherwise the first worker that imports tfjs makes the dev server re-optimize and reload.
  optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
});
