// Drives the bench page (bench/page) from Node: builds it, serves it on the app's origin, and calls its `window.bench` steps.
import { readFile } from 'node:fs/promises'
import { dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserContext, Page } from 'playwright-core'
import { build } from 'vite'
import vue from '@vitejs/plugin-vue'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const BENCH_WEB = join(ROOT, 'out/bench-web')
export const CHROMIUM = '/usr/bin/chromium'
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

export function log(message: string): void {
  process.stdout.write(`[bench] ${message}\n`)
}

/** Builds the bench page; it reaches the import and duplicates features through their index, components included. */
export async function buildBenchPage(): Promise<void> {
  await build({ root: join(ROOT, 'bench/page'), base: './', configFile: false, plugins: [vue()], logLevel: 'warn', build: { outDir: BENCH_WEB, emptyOutDir: true } })
}

/** Serves the built bench page under the host's `bench/`: the app's own origin, so it shares the account's IndexedDB. */
export async function serveBenchPage(context: BrowserContext, hostUrl: string): Promise<void> {
  const benchPrefix = `${new URL(hostUrl).pathname}bench/`
  await context.route(`${hostUrl}bench/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(benchPrefix.length) || 'index.html'
    const body = await readFile(join(BENCH_WEB, path)).catch(() => null)
    if (!body) return route.fulfill({ status: 404, body: 'Not found' })
    await route.fulfill({ status: 200, body, contentType: MIME[extname(path)] ?? 'application/octet-stream' })
  })
}

/** Calls `window.bench[name](...args)` in the page. */
export function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, args]) => (window as unknown as { bench: Record<string, (...a: unknown[]) => Promise<unknown>> }).bench[name](...args),
    [name, args] as const,
  ) as Promise<T>
}
