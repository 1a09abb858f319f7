// Opens the app in another language, as the Settings' choice does: the preferences keep it, the page reads it as it loads.
import type { Page } from 'playwright-core'
import type { AppLocale } from '../../src/shared/i18n/locales'

export async function speak(page: Page, language: AppLocale): Promise<void> {
  await page.evaluate((language) => localStorage.setItem('preferences', JSON.stringify({ language })), language)
  await page.reload()
  await page.waitForFunction((language) => document.documentElement.lang === language, language)
}
