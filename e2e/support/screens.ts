// What the e2e tests look for on the app's screens, named once so the tests read as steps.
import type { Locator, Page } from 'playwright-core'
import { fileURLToPath } from 'node:url'

export const onboardingCard = (page: Page): Locator => page.locator('[data-test="onboarding"]')
export const onboardingError = (page: Page): Locator => page.locator('[data-test="onboarding-error"]')
export const apiKeyInput = (page: Page): Locator => page.locator('input[name="apiKey"]')
export const baseUrlInput = (page: Page): Locator => page.locator('input[name="baseUrl"]')
export const contactsScreen = (page: Page): Locator => page.locator('[data-test="contacts"]')
export const contactsSummary = (page: Page): Locator => page.locator('[data-test="contacts-summary"]')
/** Loaded body rows of the virtual contact table (only those in view exist). */
export const contactRows = (page: Page): Locator => page.locator('[data-test="contact-table"] [data-test="contact-row"]')
export const searchBox = (page: Page): Locator => page.getByRole('textbox', { name: 'Search contacts' })

export async function signIn(page: Page, baseUrl: string, apiKey: string): Promise<void> {
  await apiKeyInput(page).fill(apiKey)
  await baseUrlInput(page).fill(baseUrl)
  await page.getByRole('button', { name: 'Test & save' }).click()
}

export async function startDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try with demo data' }).click()
}

/** Where a test saves a screenshot: out/screenshots/ (ignored), whatever folder the tests run from; `npm run screenshots` copies them to docs/. */
export const screenshotFile = (name: string): string => fileURLToPath(new URL(`../../out/screenshots/${name}`, import.meta.url))

/** Before a screenshot: no row under the mouse, and no spinner (they fade out after the data arrives). */
export async function settled(page: Page): Promise<void> {
  await page.mouse.move(0, 0)
  // A spinning loader renders its transition wrapper; an idle one (a select's arrow) does not.
  await page.waitForFunction(() => document.querySelectorAll('.n-base-loading__transition-wrapper').length === 0)
  // Drawers and dialogs slide in: wait until every finite transition has ended (a pulsing dot never does).
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
  )
}
