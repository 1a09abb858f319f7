// Arabic lays the app out right to left (the table's first column on the right, the details drawer from the left,
// phones left to right inside, arrow keys as they point), with no WCAG 2.1 AA violation in light and dark; pictures in
// Arabic and German for docs/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import type { AppLocale } from '../src/shared/i18n/locales'
import { chromiumSkipReason, launchChromium } from './support/chromium'
import { startSandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { openApp, type AppPage } from './support/app'
import { axeViolations } from './support/axe'
import { speak } from './support/language'
import { contactRows, contactsSummary, onboardingCard, screenshotFile, settled, signIn, startDemo } from './support/screens'

type Box = { x: number; y: number; width: number; height: number }

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox()
  if (!found) throw new Error(`Not laid out: ${locator.toString()}`)
  return found
}

/**
 * The demo's 5,000 contacts all in (waited for in English, the language the tests' words are in), then the app
 * reopened in `language` and at rest: rows shown, no sync running.
 */
async function demoIn(browser: Browser, language: AppLocale): Promise<AppPage> {
  const app = await openApp(browser)
  const { page } = app
  await onboardingCard(page).waitFor()
  await startDemo(page)
  await expect.poll(() => contactsSummary(page).textContent(), { timeout: 30_000 }).toBe('5,000 contacts')
  await speak(page, language)
  await contactRows(page).first().waitFor()
  await page.locator('[data-test="sync-status"] .sync__dot--ok').waitFor({ timeout: 30_000 })
  await page.locator('[data-test="sync-progress"]').waitFor({ state: 'detached' })
  await settled(page)
  return app
}

/** The first contact opened from the keyboard (the search box's ↓ focuses the table, Enter opens), its drawer still. */
async function openFirstContact(page: Page): Promise<Locator> {
  await page.locator('[data-test="contacts-search"] input').press('ArrowDown')
  await page.waitForFunction(() => Boolean(document.activeElement?.closest('[data-test="contact-table"]')))
  await page.keyboard.press('Enter')
  const details = page.locator('[data-test="contact-details"]')
  await details.waitFor()
  await settled(page)
  return details
}

async function useScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  // The theme has switched once the body's background is dark (or light): its relative luminance.
  await page.waitForFunction((dark) => {
    const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
    return dark ? luminance < 0.2 : luminance > 0.8
  }, scheme === 'dark')
  await settled(page)
}

describe.skipIf(chromiumSkipReason())('right to left', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('lays the contacts screen out right to left in Arabic, the drawer from the left, phones left to right', async () => {
    const app = await demoIn(browser, 'ar')
    try {
      const { page } = app
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar'])

      // The name column (the first) sits at the table's right edge, the channel column to its left.
      const table = await box(page.locator('[data-test="contact-table"]'))
      const headers = page.locator('[data-test="contact-table"] [role="columnheader"]')
      const [name, channel] = [await box(headers.nth(0)), await box(headers.nth(1))]
      expect(name.x).toBeGreaterThan(channel.x)
      expect(table.x + table.width - (name.x + name.width)).toBeLessThan(40)
      const firstRow = contactRows(page).first()
      expect((await box(firstRow.locator('[role="gridcell"]').first())).x).toBeGreaterThan((await box(firstRow.locator('[role="gridcell"]').nth(1))).x)

      // A phone keeps its digits' order: its cell reads left to right, lined up with the right-to-left column.
      const phone = page.locator('[data-test="contact-row"] .row__phone').first()
      expect(await phone.evaluate((cell) => [getComputedStyle(cell).direction, getComputedStyle(cell).textAlign])).toEqual(['ltr', 'right'])
      await page.screenshot({ path: screenshotFile('screenshot-contacts-ar.png') })

      const details = await openFirstContact(page)
      const drawer = await box(details)
      expect(drawer.x).toBeLessThan(2)
      expect(drawer.x + drawer.width).toBeLessThan(page.viewportSize()!.width / 2)
      const drawnPhone = details.locator('dd.details__mono')
      expect(await drawnPhone.evaluate((field) => getComputedStyle(field).direction)).toBe('ltr')
      await page.screenshot({ path: screenshotFile('screenshot-details-ar.png') })
      expect(app.errors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('has no WCAG 2.1 AA violation in Arabic, on the contacts screen and in the drawer, light and dark', async () => {
    const app = await demoIn(browser, 'ar')
    try {
      const { page } = app
      const found: Record<string, string[]> = {}
      for (const scheme of ['light', 'dark'] as const) {
        await useScheme(page, scheme)
        found[`contacts (${scheme})`] = await axeViolations(page)
        await openFirstContact(page)
        found[`details drawer (${scheme})`] = await axeViolations(page)
        await page.keyboard.press('Escape')
        await page.locator('[data-test="contact-details"]').waitFor({ state: 'detached' })
        await settled(page)
      }
      expect(Object.fromEntries(Object.entries(found).filter(([, violations]) => violations.length))).toEqual({})
      expect(app.errors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('moves the contact kept in duplicates the way the arrow key points, members running right to left', async () => {
    const sandbox = await startSandbox({ port: 0, contacts: 20 })
    sandbox.store.create({ name: 'Grace Hopper', type: 'whatsapp', phone: '+14155550123', tags: ['navy'] })
    sandbox.store.create({ name: 'Hopper Grace', type: 'telegram', phone: '+447700550123', tags: ['cobol', 'navy'] })
    const app = await openApp(browser)
    try {
      const { page } = app
      await onboardingCard(page).waitFor()
      await signIn(page, sandbox.baseUrl, sandbox.apiKey)
      await expect.poll(() => contactsSummary(page).textContent(), { timeout: 30_000 }).toBe('22 contacts')
      await speak(page, 'ar')
      await contactRows(page).first().waitFor()
      await page.keyboard.press('Control+Shift+D')
      const detail = page.locator('[data-test="duplicate-detail"]')
      await detail.waitFor({ timeout: 30_000 })
      // Strongest first: move with j until the group of the two is on screen (its phones' last digits).
      for (let i = 0; i < 20 && !(await detail.textContent())?.includes('550123'); i++) await page.keyboard.press('j')
      const kept = page.locator('[data-test="duplicate-member"][aria-pressed="true"]')
      const hopper = page.locator('[data-test="duplicate-member"]', { hasText: 'Hopper Grace' })
      const grace = page.locator('[data-test="duplicate-member"]', { hasText: 'Grace Hopper' })
      // The one with more tags is kept; it comes second, so on the left.
      await expect.poll(() => kept.textContent()).toContain('Hopper Grace')
      expect((await box(hopper)).x).toBeLessThan((await box(grace)).x)
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => kept.textContent()).toContain('Grace Hopper')
      await page.keyboard.press('ArrowLeft')
      await expect.poll(() => kept.textContent()).toContain('Hopper Grace')
      expect(app.errors).toEqual([])
    } finally {
      await app.close()
      await sandbox.close()
    }
  })

  it('lays German out left to right, the drawer from the right', async () => {
    const app = await demoIn(browser, 'de')
    try {
      const { page } = app
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['ltr', 'de'])
      await page.screenshot({ path: screenshotFile('screenshot-contacts-de.png') })
      const drawer = await box(await openFirstContact(page))
      expect(drawer.x + drawer.width).toBeGreaterThan(page.viewportSize()!.width - 2)
      expect(app.errors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
