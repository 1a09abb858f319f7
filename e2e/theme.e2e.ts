// Light and dark themes follow the OS colour scheme, on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { chromiumSkipReason, launchChromium } from './support/chromium'
import { openApp } from './support/app'
import { contactRows, contactsSummary, screenshotFile, onboardingCard, settled, startDemo } from './support/screens'

/** Relative luminance (0 black … 1 white) of the body's background colour. */
async function bodyLuminance(page: Page): Promise<number> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
  if (r === undefined || g === undefined || b === undefined) throw new Error(`Unreadable colour: ${color}`)
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
}

describe.skipIf(chromiumSkipReason())('theme', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('is light when the OS is light', async () => {
    const app = await openApp(browser, { colorScheme: 'light' })
    try {
      await onboardingCard(app.page).waitFor()
      expect(await bodyLuminance(app.page)).toBeGreaterThan(0.8)
    } finally {
      await app.close()
    }
  })

  it('is dark when the OS is dark, onboarding and contacts alike', async () => {
    const app = await openApp(browser, { colorScheme: 'dark' })
    try {
      const { page } = app
      await onboardingCard(page).waitFor()
      expect(await bodyLuminance(page)).toBeLessThan(0.2)
      await startDemo(page)
      await contactRows(page).first().waitFor()
      expect(await bodyLuminance(page)).toBeLessThan(0.2)
      // The demo's 5,000 contacts all in, so the picture shows the app at rest.
      await expect.poll(() => contactsSummary(page).textContent(), { timeout: 30_000 }).toBe('5,000 contacts')
      await settled(page)
      await page.screenshot({ path: screenshotFile('screenshot-contacts-dark.png') })
      expect(app.errors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
