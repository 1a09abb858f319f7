// Signing out in Chromium: confirmed in a dialog, then back to onboarding with the key forgotten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startSandbox } from '../src/main/sandbox/server'
import { chromiumSkipReason, launchChromium } from './support/chromium'
import { openApp } from './support/app'
import { contactRows, contactsScreen, onboardingCard, signIn } from './support/screens'

describe.skipIf(chromiumSkipReason())('sign out', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('returns to onboarding after the user confirms, and stays there after a reload', async () => {
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

      await page.getByRole('button', { name: 'Sign out' }).click()
      const dialog = page.locator('.n-dialog')
      await dialog.waitFor()
      await dialog.getByRole('button', { name: 'Sign out' }).click()
      await onboardingCard(page).waitFor()
      expect(await contactsScreen(page).count()).toBe(0)

      await page.reload()
      await onboardingCard(page).waitFor()
      expect(await contactsScreen(page).count()).toBe(0)
      expect(app.errors).toEqual([])
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
