// Runs bench/requests-per-edit.ts through Vite's module loader (the renderer's code needs its transforms) and returns its figures.
// Alone: `npm run bench:edits` (a few minutes on a busy machine, no browser).
import { dirname, resolve } from 'node:path'
import { loadavg } from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createServer } from 'vite'
import { table, type Figure } from './report'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export async function measureRequestsPerEdit(): Promise<Figure[]> {
  const vite = await createServer({ root: ROOT, configFile: false, logLevel: 'warn', server: { middlewareMode: true, hmr: false }, appType: 'custom', optimizeDeps: { noDiscovery: true } })
  try {
    const measure = (await vite.ssrLoadModule('/bench/requests-per-edit.ts')) as typeof import('./requests-per-edit')
    return await measure.requestsPerEdit()
  } finally {
    await vite.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const loadAtStart = loadavg()[0]
  const figures = await measureRequestsPerEdit()
  process.stdout.write(`\n${table(figures)}\n\nload average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at the end\n`)
}
