// One running app for a test: the browser host plus a fresh browser page on it; signed in to a fresh sandbox with useSignedInApp.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { startSandbox, type Sandbox } from '../../src/sandbox/faults/knobbed-sandbox'
import { startHost, type Host } from '../../src/host/host-server'
import { launchChromium } from './chromium'
import { collectPageErrors } from './page-errors'
import { contactsSummary, onboardingCard, signIn } from './screens'

export type AppPage = {
  host: Host
  context: BrowserContext
  page: Page
  /** Errors the page or its workers logged or threw (a CSP refusal among them), with where; a healthy run has none. */
  errors: string[]
  /** What each error was (stack, causes), described inside the page: printed when `expectNoErrors` fails. */
  details: string[]
  /** Waits for the errors' details, then expects no error: call before the page closes or navigates away. */
  expectNoErrors(): Promise<void>
  close(): Promise<void>
}

export type AppOptions = { colorScheme?: 'light' | 'dark' }

/** Each test gets its own host, so sessions and keys never leak from one test into the next. */
export async function openApp(browser: Browser, options: AppOptions = {}): Promise<AppPage> {
  const host = await startHost({ port: 0 })
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  })
  const page = await context.newPage()
  const { errors, details, settled } = await collectPageErrors(page)
  await page.goto(host.url)
  return {
    host,
    context,
    page,
    errors,
    details,
    async expectNoErrors() {
      await settled()
      expect(errors, details.join('\n\n')).toEqual([])
    },
    async close() {
      await context.close()
      await host.close()
    },
  }
}

type SignedIn = { sandbox: Sandbox; app: AppPage }

/** A sandbox of `contacts`, the app signed in to it, and its first sync done ("N contacts" shown). */
async function openSignedIn(browser: Browser, contacts: number): Promise<SignedIn> {
  const sandbox = await startSandbox({ port: 0, contacts })
  const app = await openApp(browser)
  await onboardingCard(app.page).waitFor()
  await signIn(app.page, sandbox.baseUrl, sandbox.apiKey)
  await expect.poll(() => contactsSummary(app.page).textContent(), { timeout: 30_000 }).toBe(`${contacts.toLocaleString('en')} contacts`)
  return { sandbox, app }
}

/** What a test of a signed-in file reads from useSignedInApp: valid inside a test only. */
export type SignedInApp = { readonly browser: Browser; readonly sandbox: Sandbox; readonly app: AppPage; readonly page: Page }

/**
 * For a describe block whose tests start signed in: Chromium for the block; before each test a sandbox
 * of `contacts` and the app signed in to it (first sync done, the mouse off the table); after each
 * test both close, and the page must have logged no error.
 */
export function useSignedInApp(contacts: number): SignedInApp {
  let browser: Browser | undefined
  let current: SignedIn | undefined
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    current = await openSignedIn(opened(browser), contacts)
    await current.app.page.mouse.move(0, 0)
  })
  afterEach(async () => {
    const done = current
    current = undefined
    if (!done) return
    const failure = await done.app.expectNoErrors().then(
      () => null,
      (error: unknown) => error,
    )
    await done.app.close()
    await done.sandbox.close()
    if (failure) throw failure
  })
  return {
    get browser() {
      return opened(browser)
    },
    get sandbox() {
      return opened(current).sandbox
    },
    get app() {
      return opened(current).app
    },
    get page() {
      return opened(current).app.page
    },
  }
}

function opened<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('useSignedInApp: read it inside a test, after it has started.')
  return value
}
