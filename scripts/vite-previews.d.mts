import type { Plugin } from 'vite';

/** Vite plugin: the Models step's thumbnail files, data/<task>/preview.json (scripts/previews.ts). */
export function previews(dataDir?: string): Plugin;
