// Signing out in Chromium: confirmed in a dialog that counts unsynced edits, then back to onboarding with the key and the offline copy gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startSandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { chromiumSkipReason, launchChromium } from './support/chromium'
import { openApp } from './support/app'
import { contactRows, contactsScreen, onboardingCard, searchBox, signIn } from './support/screens'

const databaseNames = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((info) => info.name).filter((name) => name?.startsWith('skylight')))

describe.skipIf(chromiumSkipReason())('sign out', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('warns of unsynced edits, returns to onboarding after the user confirms, deletes the offline copy, and stays there after a reload', async () => {
    const sandbox = await startSandbox({ port: 0 })
    const app = await openApp(browser)
    try {
      const { page } = app
      await onboardingCard(page).waitFor()
      await signIn(page, sandbox.baseUrl, sandbox.apiKey)
      await contactRows(page).first().waitFor()
      const hint = await page.locator('[data-test="key-hint"]').textContent()
      expect(hint).toContain(sandbox.apiKey.slice(-4))
      expect(hint).not.toContain(sandbox.apiKey)
      expect(await page.locator('[data-test="key-storage"]').textContent()).toMatch(/session only/i)

      // One edit the server has not got: the dialog must say it would be lost.
      const databases = await databaseNames(page)
      expect(databases.length).toBeGreaterThan(0)
      sandbox.knobs.down = true
      await page.keyboard.press('Control+r')
      await expect.poll(() => page.locator('[data-test="sync-text"]').textContent(), { timeout: 15_000 }).toMatch(/^Offline/)
      await searchBox(page).press('ArrowDown')
      await page.keyboard.press('b')
      await expect.poll(() => page.locator('[data-test="unsynced"]').textContent()).toContain('1 unsynced')

      await page.getByRole('button', { name: 'Sign out' }).click()
      const dialog = page.locator('.n-dialog')
      await dialog.waitFor()
      expect(await dialog.textContent()).toContain('1 edit is not synced yet and will be lost.')
      await dialog.getByRole('button', { name: 'Sign out and lose them' }).click()
      await onboardingCard(page).waitFor()
      expect(await contactsScreen(page).count()).toBe(0)
      // The account's offline copy is deleted from this computer.
      await expect.poll(() => databaseNames(page)).toEqual([])

      await page.reload()
      await onboardingCard(page).waitFor()
      expect(await contactsScreen(page).count()).toBe(0)
      await app.expectNoErrors()
    } finally {
      await app.close()
      await sandbox.close()
    }
  })

  it('keeps the user signed in when the dialog is cancelled', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.getByRole('button', { name: 'Try with demo data' }).click()
      await contactRows(page).first().waitFor()
      await page.getByRole('button', { name: 'Sign out' }).click()
      const dialog = page.locator('.n-dialog')
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await dialog.waitFor({ state: 'detached' })
      expect(await contactsScreen(page).isVisible()).toBe(true)
    } finally {
      await app.close()
    }
  })
})
