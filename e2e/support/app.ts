// One running app for a test: the browser host plus a fresh browser page on it.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { startSandbox, type Sandbox } from '../../src/sandbox/faults/knobbed-sandbox'
import { startHost, type Host } from '../../src/host/server'
import { contactsSummary, onboardingCard, signIn } from './screens'

export type AppPage = {
  host: Host
  context: BrowserContext
  page: Page
  /** Errors the page logged or threw (a CSP refusal among them); a healthy run has none. */
  errors: string[]
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
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(host.url)
  return {
    host,
    context,
    page,
    errors,
    async close() {
      await context.close()
      await host.close()
    },
  }
}

export type SignedIn = { sandbox: Sandbox; app: AppPage }

/** A sandbox of `contacts`, the app signed in to it, and its first sync done ("N contacts" shown). */
export async function openSignedIn(browser: Browser, contacts: number): Promise<SignedIn> {
  const sandbox = await startSandbox({ port: 0, contacts })
  const app = await openApp(browser)
  await onboardingCard(app.page).waitFor()
  await signIn(app.page, sandbox.baseUrl, sandbox.apiKey)
  await expect.poll(() => contactsSummary(app.page).textContent(), { timeout: 30_000 }).toBe(`${contacts.toLocaleString('en')} contacts`)
  return { sandbox, app }
}
