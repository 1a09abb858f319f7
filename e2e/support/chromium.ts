// Launches Debian's Chromium for the e2e suites, or explains why they cannot run here.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * `null` when Chromium is installed; otherwise the reason to skip, printed once.
 * With REQUIRE_E2E=1 a missing browser is an error: CI must not pass by skipping.
 */
export function chromiumSkipReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null
  const reason = `${CHROMIUM_PATH} not found (install the Debian "chromium" package)`
  if (process.env.REQUIRE_E2E === '1') throw new Error(`REQUIRE_E2E=1 but ${reason}.`)
  console.warn(`[e2e] skipping: ${reason}.`)
  return reason
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS })
}

/**
 * Chromium with its profile in `userDataDir`, kept on disk as a user's is. `launchChromium`'s contexts are
 * off the record: their IndexedDB lives in memory, with no file to scan.
 */
export function launchChromiumProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: { width: 1280, height: 800 },
  })
}
