// Light and dark themes follow the OS colour scheme, on every screen (the import, export and duplicates dialogs too).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { chromiumSkipReason, launchChromium } from './support/chromium'
import { startSandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { openApp } from './support/app'
import { contactRows, contactsSummary, screenshotFile, onboardingCard, settled, signIn, startDemo } from './support/screens'

/** Relative luminance (0 black … 1 white) of a colour property of the first element `selector` finds. */
async function luminance(page: Page, selector: string, property: 'backgroundColor' | 'color'): Promise<number> {
  const color = await page.locator(selector).first().evaluate((element, name) => getComputedStyle(element)[name], property)
  // rgb(0–255 …), or color(srgb 0–1 …) for a colour mixed with color-mix().
  const scale = color.startsWith('color(srgb') ? 1 : 255
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
  if (r === undefined || g === undefined || b === undefined) throw new Error(`Unreadable colour: ${color}`)
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / scale
}
const bodyLuminance = (page: Page) => luminance(page, 'body', 'backgroundColor')

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

  it('shows the import, export and duplicates screens dark too, their labels and avatars readable', async () => {
    const sandbox = await startSandbox({ port: 0, contacts: 200 })
    sandbox.store.create({ name: 'Grace Hopper', type: 'whatsapp', phone: '+14155550123', tags: ['navy'] })
    sandbox.store.create({ name: 'Hopper Grace', type: 'telegram', phone: '+447700550123', tags: ['cobol', 'navy'] })
    const app = await openApp(browser, { colorScheme: 'dark' })
    // Playwright catches file choosers only once the browser has agreed to: a listener from the start (see import-export.e2e.ts).
    app.page.on('filechooser', () => {})
    const dir = await mkdtemp(join(tmpdir(), 'skylight-theme-e2e-'))
    try {
      const { page } = app
      await onboardingCard(page).waitFor()
      await signIn(page, sandbox.baseUrl, sandbox.apiKey)
      await expect.poll(() => contactsSummary(page).textContent(), { timeout: 30_000 }).toBe('202 contacts')

      await page.keyboard.press('Control+Shift+D')
      await page.locator('[data-test="duplicate-detail"]').waitFor({ timeout: 30_000 })
      expect(await luminance(page, '[data-test="duplicates-dialog"]', 'backgroundColor')).toBeLessThan(0.2)
      expect(await luminance(page, '[data-test="duplicates-dialog"] .ui-label', 'color')).toBeGreaterThan(0.4)
      expect(await luminance(page, '[data-test="duplicate-member"] .avatar', 'color')).toBeGreaterThan(0.45)
      await settled(page)
      await page.screenshot({ path: screenshotFile('screenshot-duplicates-dark.png') })
      await page.keyboard.press('Escape')
      await page.locator('[data-test="duplicates-dialog"]').waitFor({ state: 'detached' })

      await page.keyboard.press('Control+e')
      await page.locator('[data-test="export-dialog"]').waitFor()
      expect(await luminance(page, '[data-test="export-dialog"]', 'backgroundColor')).toBeLessThan(0.2)
      await settled(page)
      await page.screenshot({ path: screenshotFile('screenshot-export-dark.png') })
      await page.keyboard.press('Escape')
      await page.locator('[data-test="export-dialog"]').waitFor({ state: 'detached' })

      const file = join(dir, 'leads.csv')
      await writeFile(file, 'Name,Mobile,Email,Tags\nAda Lovelace,+447700900123,ada@example.org,math\nGrace Hopper,+14155550123,,navy\nBad Phone,12,,\n')
      const chooser = page.waitForEvent('filechooser')
      await page.keyboard.press('Control+o')
      await (await chooser).setFiles(file)
      await page.locator('[data-test="import-mapping"]').waitFor()
      expect(await luminance(page, '[data-test="import-dialog"]', 'backgroundColor')).toBeLessThan(0.2)
      expect(await luminance(page, '[data-test="import-mapping"] .ui-table-head', 'color')).toBeGreaterThan(0.4)
      await page.keyboard.press('Control+Enter')
      await page.locator('[data-test="import-preview"]').waitFor()
      await settled(page)
      await page.screenshot({ path: screenshotFile('screenshot-import-preview-dark.png') })
      expect(app.errors).toEqual([])
    } finally {
      await app.close()
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
