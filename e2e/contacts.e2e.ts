// The contacts screen in Chromium: search through the API, paging, and a failing server shown plainly.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startSandbox, type Sandbox } from '../src/main/sandbox/server'
import { chromiumSkipReason, launchChromium } from './support/chromium'
import { openApp, type AppPage } from './support/app'
import { contactRows, contactsSummary, onboardingCard, signIn } from './support/screens'

describe.skipIf(chromiumSkipReason())('contacts screen', () => {
  let browser: Browser
  let sandbox: Sandbox
  let app: AppPage
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, contacts: 250 })
    app = await openApp(browser)
    await onboardingCard(app.page).waitFor()
    await signIn(app.page, sandbox.baseUrl, sandbox.apiKey)
    await contactRows(app.page).first().waitFor()
  })
  afterEach(async () => {
    await app?.close()
    await sandbox?.close()
  })

  it('shows the first 100 of all contacts, and 100 more on "Load more"', async () => {
    const { page } = app
    await expect.poll(() => contactsSummary(page).textContent()).toBe('Showing 100 of 250 contacts')
    await page.getByRole('button', { name: 'Load more' }).click()
    await expect.poll(() => contactsSummary(page).textContent()).toBe('Showing 200 of 250 contacts')
    await page.getByRole('button', { name: 'Load more' }).click()
    await expect.poll(() => contactsSummary(page).textContent()).toBe('250 contacts')
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0)
  })

  it('asks the server to search and shows only what it found', async () => {
    const { page } = app
    const name = sandbox.store.nth(0)!.name
    await page.getByPlaceholder('Search by name, email or phone').fill(name)
    // A name matches a handful of the 250 contacts, so the summary stops saying "Showing 100 of 250".
    await expect.poll(() => contactsSummary(page).textContent()).toMatch(/^\d+ contacts?$/)
    const rows = await contactRows(page).allTextContents()
    expect(rows.every((text) => text.includes(name))).toBe(true)

    await page.getByPlaceholder('Search by name, email or phone').fill('no such contact anywhere')
    await page.locator('[data-test="contacts-empty"]').waitFor()
    expect(await page.locator('[data-test="contacts-empty"]').textContent()).toContain('No contacts match')
  })

  it('says so when the server fails, and recovers on "Try again"', async () => {
    const { page } = app
    sandbox.knobs.errorRate = 1
    await page.getByRole('button', { name: 'Refresh' }).click()
    const alert = page.locator('[data-test="contacts-error"]')
    await alert.waitFor({ timeout: 30_000 })
    expect(await alert.textContent()).toMatch(/server/i)

    sandbox.knobs.errorRate = 0
    await alert.getByRole('button', { name: 'Try again' }).click()
    await alert.waitFor({ state: 'detached' })
    expect(await contactRows(page).count()).toBeGreaterThan(0)
  })
})
