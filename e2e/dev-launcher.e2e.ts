// `npm run dev` on a fresh clone: Electron fetched and started when its download host answers; the browser host with demo data when not.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, chmodSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { chromiumSkipReason, launchChromium } from './support/chromium'
import { freshClone, type FreshClone } from './support/fresh-clone'

const ELECTRON_VERSION: string = JSON.parse(readFileSync(new URL('../node_modules/electron/package.json', import.meta.url), 'utf8')).version

interface Run {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

/** `npm run dev` in `dir`, its output collected; in its own process group, so the test can stop all of it. */
function npmRunDev(dir: string, env: Record<string, string>): Run {
  let output = ''
  const child = spawn('npm', ['run', 'dev'], { cwd: dir, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  return { child, output: () => output, exited }
}

function stop(run: Run | undefined): void {
  if (run?.child.pid && run.child.exitCode === null) {
    try {
      process.kill(-run.child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
}

/** Serves what @electron/get asks a mirror for: the zip and its SHASUMS256.txt; any other path 404s. */
async function electronMirror(zip: Buffer, fileName: string): Promise<{ url: string; asked: string[]; server: Server }> {
  const sum = createHash('sha256').update(zip).digest('hex')
  const asked: string[] = []
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://mirror').pathname
    asked.push(path)
    if (path.endsWith(`/${fileName}`)) return res.writeHead(200, { 'content-type': 'application/zip' }).end(zip)
    if (path.endsWith('/SHASUMS256.txt')) return res.writeHead(200).end(`${sum} *${fileName}\n`)
    res.writeHead(404).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, asked, server }
}

/**
 * A stand-in for Electron's zip: an `electron` that writes down how it was started and exits, plus the
 * `version` file Electron's installer checks.
 */
function fakeElectronZip(marker: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'fake-electron-'))
  try {
    writeFileSync(join(dir, 'electron'), `#!/bin/sh\nprintf '%s\\n' "args: $*" "renderer: $ELECTRON_RENDERER_URL" > "${marker}"\n`)
    chmodSync(join(dir, 'electron'), 0o755)
    writeFileSync(join(dir, 'version'), ELECTRON_VERSION)
    execFileSync('python3', ['-m', 'zipfile', '-c', join(dir, 'electron.zip'), join(dir, 'electron'), join(dir, 'version')])
    return readFileSync(join(dir, 'electron.zip'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Output fit for an assertion message: a source-map comment in a printed stack trips vitest's reporter. */
const printable = (output: string): string => output.replace(/sourceMappingURL=\S+/g, 'sourceMappingURL=…')

/** Resolves once `pattern` shows in the output; rejects if the run ends first. */
async function waitForOutput(run: Run, pattern: RegExp): Promise<RegExpMatchArray> {
  for (;;) {
    const found = run.output().match(pattern)
    if (found) return found
    const ended = await Promise.race([run.exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 200))])
    if (ended) {
      const late = run.output().match(pattern)
      if (late) return late
      throw new Error(`npm run dev ended without printing ${pattern}:\n${printable(run.output())}`)
    }
  }
}

describe.skipIf(chromiumSkipReason())('npm run dev on a fresh clone', () => {
  let browser: Browser
  let clone: FreshClone
  let run: Run | undefined
  let cache: string
  beforeAll(async () => {
    browser = await launchChromium()
    clone = freshClone()
    // An empty download cache: nothing may come from an earlier download on this machine.
    cache = mkdtempSync(join(tmpdir(), 'electron-cache-'))
  })
  afterEach(async () => {
    stop(run)
    await run?.exited
    run = undefined
  })
  afterAll(async () => {
    await browser?.close()
    clone?.dispose()
    rmSync(cache, { recursive: true, force: true })
  })

  it('says in one line that Electron could not be fetched, and opens the app in the browser with demo data', async () => {
    // A download host with no route to it, as on this machine (a closed local port: refused at once).
    const closed = createServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`
    await new Promise<void>((done) => closed.close(() => done()))
    run = npmRunDev(clone.dir, { ELECTRON_MIRROR: unreachable, electron_config_cache: cache, SKYLIGHT_NO_BROWSER: '1' })

    const [, url] = await waitForOutput(run, /is open at (http:\/\/127\.0\.0\.1:\d+\/s\/[\w-]+\/)/)
    const notice = run.output().split('\n').filter((line) => line.startsWith("Electron's binary"))
    expect(notice).toHaveLength(1)
    expect(notice[0]).toMatch(/^Electron's binary could not be downloaded \(.+\): opening SkyLight Contacts in your browser instead\.$/)
    expect(run.output()).not.toMatch(/^\s+at /m)

    const page = await browser.newPage()
    await page.goto(url)
    await page.locator('[data-test="contacts-summary"]').filter({ hasText: /^5,000 contacts$/ }).waitFor({ timeout: 90_000 })
    await page.close()
    // The address without its secret answers nothing.
    expect((await fetch(new URL('/', url))).status).toBe(404)
  })

  it('fetches the missing Electron binary, then starts the app in it', async () => {
    const marker = join(cache, 'started.txt')
    const fileName = `electron-v${ELECTRON_VERSION}-linux-x64.zip`
    const mirror = await electronMirror(fakeElectronZip(marker), fileName)
    try {
      run = npmRunDev(clone.dir, {
        ELECTRON_MIRROR: mirror.url,
        electron_use_remote_checksums: '1',
        electron_config_cache: cache,
        ELECTRON_INSTALL_PLATFORM: 'linux',
        ELECTRON_INSTALL_ARCH: 'x64',
      })
      expect(await run.exited, printable(run.output())).toBe(0)
      expect(mirror.asked.some((path) => path.endsWith(`/${fileName}`))).toBe(true)
      expect(existsSync(join(clone.dir, 'node_modules/electron/path.txt'))).toBe(true)
      const started = readFileSync(marker, 'utf8')
      // electron-vite dev ran Electron on the app, pointed at its renderer dev server.
      expect(started).toMatch(/^args: \.\s*$/m)
      expect(started).toMatch(/^renderer: http:\/\/localhost:\d+\/?$/m)
      expect(run.output()).not.toContain('could not be downloaded')
    } finally {
      await new Promise<void>((done) => mirror.server.close(() => done()))
    }
  })
})
