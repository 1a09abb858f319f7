// Drives the bench page (bench/page) from Node: builds it into the host's folder beside the app, and calls its `window.bench` steps.
import { cp, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import vue from '@vitejs/plugin-vue'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** What the bench's host serves (`startHost`'s rendererDir): the built app, and the bench page in its bench/ folder. */
export const BENCH_HOST = join(ROOT, 'out/bench-host')
export const BENCH_WEB = join(BENCH_HOST, 'bench')
export const CHROMIUM = '/usr/bin/chromium'
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function log(message: string): void {
  process.stdout.write(`[bench] ${message}\n`)
}

/**
 * Copies the built app (`npm run build:renderer`) and builds the bench page beside it. The host serves
 * both on the app's own origin, so the page shares the account's IndexedDB, and no request is
 * intercepted: a Playwright route would take every request of the browser through Node, /rpc bodies
 * of an export included (~1 MB each), and the figures would measure that.
 */
export async function buildBenchPage(): Promise<void> {
  await rm(BENCH_HOST, { recursive: true, force: true })
  await cp(join(ROOT, 'out/renderer-web'), BENCH_HOST, { recursive: true })
  // The bench page reaches the import and duplicates features through their index, components included.
  await build({ root: join(ROOT, 'bench/page'), base: './', configFile: false, plugins: [vue()], logLevel: 'warn', build: { outDir: BENCH_WEB, emptyOutDir: true } })
}

/** Calls `window.bench[name](...args)` in the page. */
export function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, args]) => (window as unknown as { bench: Record<string, (...a: unknown[]) => Promise<unknown>> }).bench[name](...args),
    [name, args] as const,
  ) as Promise<T>
}

/** Opens the bench page from the host at `hostUrl` in `page` and signs it in to `sandbox`; answers the account id. */
export async function signInBenchPage(page: Page, hostUrl: string, sandbox: { apiKey: string; baseUrl: string }): Promise<string> {
  await page.goto(`${hostUrl}bench/index.html`)
  await page.waitForFunction(() => 'bench' in window)
  return call<string>(page, 'signIn', sandbox.apiKey, sandbox.baseUrl)
}
