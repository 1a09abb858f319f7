// Onboarding in Chromium: the demo, a refused then accepted key, and a refused insecure URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startSandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { chromiumSkipReason, launchChromium } from './support/chromium'
import { openApp } from './support/app'
import {
  apiKeyInput,
  contactRows,
  contactsScreen,
  contactsSummary,
  screenshotFile,
  settled,
  onboardingCard,
  onboardingError,
  searchBox,
  signIn,
  startDemo,
} from './support/screens'

describe.skipIf(chromiumSkipReason())('onboarding', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('shows the sandbox contacts after "Try with demo data"', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await onboardingCard(page).waitFor()
      // The host keeps keys in memory only, and the user must be told before typing one.
      expect(await page.locator('[data-test="storage-warning"]').textContent()).toMatch(/session only/i)
      await settled(page)
      await page.screenshot({ path: screenshotFile('screenshot-onboarding.png') })

      await startDemo(page)
      await contactsScreen(page).waitFor()
      await contactRows(page).first().waitFor()
      expect(await contactRows(page).count()).toBeGreaterThan(0)
      await expect.poll(() => contactsSummary(page).textContent()).toMatch(/\d[\d,]* contacts/)
      await expect.poll(() => page.locator('[data-test="demo-badge"]').isVisible()).toBe(true)
      await settled(page)
      await page.screenshot({ path: screenshotFile('screenshot-contacts.png') })
      expect(app.errors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('refuses a wrong key with a clear message, then accepts the right one', async () => {
    const sandbox = await startSandbox({ port: 0 })
    const app = await openApp(browser)
    try {
      const { page } = app
      await onboardingCard(page).waitFor()
      await signIn(page, sandbox.baseUrl, 'sk_test_this_key_is_wrong')
      await onboardingError(page).waitFor()
      expect(await onboardingError(page).textContent()).toMatch(/key/i)
      expect(await contactsScreen(page).count()).toBe(0)
      expect(await onboardingCard(page).isVisible()).toBe(true)

      // The first contact the sandbox itself lists must be found in the table.
      const first = await fetch(`${sandbox.baseUrl}/api/v1/contacts?per_page=1`, {
        headers: { authorization: `Bearer ${sandbox.apiKey}` },
      }).then((response) => response.json() as Promise<{ data: { name: string }[] }>)

      await apiKeyInput(page).fill(sandbox.apiKey)
      await page.getByRole('button', { name: 'Test & save' }).click()
      await contactsScreen(page).waitFor()
      await contactRows(page).first().waitFor()
      await searchBox(page).fill(first.data[0]!.name)
      await expect.poll(() => contactRows(page).allTextContents()).toContainEqual(expect.stringContaining(first.data[0]!.name))
      expect(app.errors).toEqual([])
    } finally {
      await app.close()
      await sandbox.close()
    }
  })

  it('refuses a plain-http URL that is not loopback and says why', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await onboardingCard(page).waitFor()
      await signIn(page, 'http://dashboard.skylightchat.com', 'sk_live_0123456789abcdef')
      await onboardingError(page).waitFor()
      expect(await onboardingError(page).textContent()).toMatch(/https/i)
      expect(await contactsScreen(page).count()).toBe(0)
    } finally {
      await app.close()
    }
  })
})
