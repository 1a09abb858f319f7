// Where the built preload and renderer sit relative to the built main script (out/main/index.js).
import { join } from 'node:path'

export type AppPaths = { preload: string; rendererHtml: string }

export function appPaths(mainDir: string): AppPaths {
  return {
    // electron.vite.config.ts emits the preload as CommonJS, which a sandboxed preload requires.
    preload: join(mainDir, '../preload/index.cjs'),
    rendererHtml: join(mainDir, '../renderer/index.html'),
  }
}
