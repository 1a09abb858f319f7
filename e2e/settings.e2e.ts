// Settings (Ctrl/⌘+,) by keyboard: theme and sync interval kept across a reload, the offline copy deleted and read again, logs and diagnostics, the language.
import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { focusedIn } from './support/keyboard'
import { contactsSummary, screenshotFile, searchBox, settled } from './support/screens'

const CONTACTS = 150
const settings = (page: Page) => page.locator('[data-test="settings"]')

/** Relative luminance (0 black … 1 white) of the body's background colour. */
async function bodyLuminance(page: Page): Promise<number> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
}

async function openSettings(page: Page): Promise<void> {
  await page.keyboard.press('Control+,')
  await settings(page).waitFor()
  await focusedIn(page, '[data-test="settings"]')
}

describe.skipIf(chromiumSkipReason())('settings', () => {
  const signedIn = useSignedInApp(CONTACTS)

  it('opens with Ctrl+, from the search box, takes a theme, a sync interval and a background share, and keeps them after a reload', async () => {
    const { page } = signedIn
    await searchBox(page).focus()
    await openSettings(page)
    expect(await bodyLuminance(page)).toBeGreaterThan(0.8)
    // The theme radios: Tab to the group, arrows pick.
    await page.locator('[data-test="settings-theme"] input[value="dark"]').focus()
    await page.keyboard.press('Space')
    await expect.poll(() => bodyLuminance(page)).toBeLessThan(0.2)
    await page.locator('[data-test="settings-sync-interval"]').click()
    await page.locator('.n-base-select-option', { hasText: 'Every 15 minutes' }).click()
    await page.locator('[data-test="settings-hydration-share"]').click()
    await page.locator('.n-base-select-option', { hasText: "25% of SkyLight's limit" }).click()
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-settings.png') })
    await page.keyboard.press('Escape')
    await settings(page).waitFor({ state: 'detached' })

    await page.reload()
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${CONTACTS} contacts`)
    expect(await bodyLuminance(page)).toBeLessThan(0.2)
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('preferences') ?? '{}'))).toEqual({ language: 'system', theme: 'dark', syncIntervalMinutes: 15, hydrationSharePercent: 25 })
  })

  it('shows what the offline copy holds, and deletes it to read it again from SkyLight', async () => {
    const { page } = signedIn
    await openSettings(page)
    await expect.poll(() => page.locator('[data-test="settings-copy-size"]').textContent()).toMatch(new RegExp(`^${CONTACTS} contacts, \\d+ notes?`))
    await page.locator('[data-test="settings-delete-copy"]').click()
    const confirm = page.locator('.n-dialog').last()
    await expect.poll(() => confirm.textContent()).toContain(`The ${CONTACTS} contacts`)
    await confirm.getByRole('button', { name: 'Delete and sync again' }).click()
    await expect.poll(() => page.locator('.n-message').last().textContent()).toContain('The offline copy was deleted')
    await page.keyboard.press('Escape')
    await expect.poll(() => contactsSummary(page).textContent(), { timeout: 30_000 }).toBe(`${CONTACTS} contacts`)
  })

  it('opens the logs folder, and copies diagnostics with no key and no contact in them', async () => {
    const { page, app, sandbox } = signedIn
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.origin })
    await openSettings(page)
    await expect.poll(() => page.locator('[data-test="settings-logs-path"]').textContent()).toBe(app.host.logDir)
    await page.locator('[data-test="settings-open-logs"]').click()
    await expect.poll(() => app.host.opened.at(-1)).toBe(pathToFileURL(app.host.logDir).href)
    await page.locator('[data-test="settings-copy-diagnostics"]').click()
    await expect.poll(() => page.locator('.n-message').last().textContent()).toContain('Diagnostics copied')
    const text = await page.evaluate(() => navigator.clipboard.readText())
    expect(text).toMatch(/^SkyLight Contacts \d+\.\d+\.\d+ \(development\)\n/)
    expect(text).toMatch(/^Sync: online · pull idle · last synced 20\d\d-/m)
    expect(text).toMatch(/^Log \(last \d+ lines\):/m)
    expect(text).not.toContain(sandbox.apiKey)
    expect(text).not.toMatch(/sk_test_/)
    const log = await readFile(join(app.host.logDir, 'main.log'), 'utf8')
    expect(log).toContain('signed in to')
    for (const contact of sandbox.store.all().slice(0, 50)) {
      expect(text).not.toContain(contact.name)
      if (contact.phone) expect(text).not.toContain(contact.phone)
    }
  })

  it('switches the whole window to Arabic, right to left, and back to the system’s language', async () => {
    const { page } = signedIn
    await searchBox(page).focus()
    await openSettings(page)
    await page.locator('[data-test="settings-language"]').click()
    await page.locator('.n-base-select-option', { hasText: 'العربية' }).click()
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl'])
    await expect.poll(() => settings(page).locator('#settings-language').textContent()).toBe('اللغة')
    await page.locator('[data-test="settings-language"]').click()
    await page.locator('.n-base-select-option').first().click()
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr'])
    await expect.poll(() => settings(page).locator('#settings-language').textContent()).toBe('Language')
  })
})
