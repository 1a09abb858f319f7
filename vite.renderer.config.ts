// Builds the renderer alone, for the e2e host and the benchmark (no Electron needed).
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  root: resolve('src/renderer'),
  base: './',
  plugins: [vue()],
  build: { outDir: resolve('out/renderer-web'), emptyOutDir: true },
})
