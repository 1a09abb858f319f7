// Every screen, as a new user meets it, in light and dark, in English and in Arabic (right to left): axe-core finds no
// violation of a WCAG 2.1 A or AA rule (nor a missing level-one heading, an unnamed dialog, or content outside landmarks).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chromiumSkipReason } from './support/chromium'
import { openApp, useSignedInApp } from './support/app'
import { axeViolations } from './support/axe'
import { speak } from './support/language'
import { unsyncedButton } from './support/contacts'
import { focusedIn, goOffline } from './support/keyboard'
import { onboardingCard, settled } from './support/screens'

type Scheme = 'light' | 'dark'
type Language = 'en' | 'ar'
const CASES: readonly [Scheme, Language][] = [
  ['light', 'en'],
  ['dark', 'en'],
  ['light', 'ar'],
  ['dark', 'ar'],
]

/** Relative luminance (0 black … 1 white) of the body's background: the theme really switched. */
async function bodyLuminance(page: Page): Promise<number> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
}

async function useScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  await expect.poll(() => bodyLuminance(page)).toSatisfy((luminance: number) => (scheme === 'dark' ? luminance < 0.2 : luminance > 0.8))
}

/** Opens a screen with `keys`, waits for `selector` and for its transitions, and records what axe finds. */
async function audit(page: Page, found: Record<string, string[]>, name: string, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor()
  await settled(page)
  const violations = await axeViolations(page)
  if (violations.length) found[name] = violations
}

/** Escape closes the screen; back on the table once it has left. */
async function close(page: Page, selector: string): Promise<void> {
  await page.keyboard.press('Escape')
  await page.locator(selector).first().waitFor({ state: 'detached' })
  await settled(page)
}

describe.skipIf(chromiumSkipReason())('accessibility', () => {
  const signedIn = useSignedInApp(60)
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'skylight-a11y-e2e-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  // Playwright catches file choosers only once a page listens: a listener from the start (see import-export.e2e.ts).
  beforeEach(() => {
    signedIn.page.on('filechooser', () => {})
  })

  it.each(CASES)('onboarding has no WCAG 2.1 AA violation (%s, %s)', async (scheme, language) => {
    const app = await openApp(signedIn.browser, { colorScheme: scheme })
    try {
      await onboardingCard(app.page).waitFor()
      if (language !== 'en') await speak(app.page, language)
      await onboardingCard(app.page).waitFor()
      await settled(app.page)
      expect(await axeViolations(app.page)).toEqual([])
    } finally {
      await app.close()
    }
  })

  it.each(CASES)('the contacts screen and every dialog, drawer and picker have no WCAG 2.1 AA violation (%s, %s)', async (scheme, language) => {
    const { page, sandbox } = signedIn
    if (language !== 'en') await speak(page, language)
    await useScheme(page, scheme)
    const found: Record<string, string[]> = {}
    // By its place, not its English name: the same steps run in Arabic.
    await page.locator('[data-test="contacts-search"] input').press('ArrowDown')
    await focusedIn(page, '[data-test="contact-table"]')
    await audit(page, found, 'contacts', '[data-test="contact-row"].row--focused')

    await page.keyboard.press('Enter')
    await audit(page, found, 'details drawer', '[data-test="contact-details"]')
    await close(page, '[data-test="contact-details"]')

    const screens: [name: string, keys: string, selector: string][] = [
      ['edit form', 'e', '[data-test="contact-form"]'],
      ['new contact form', 'n', '[data-test="contact-form"]'],
      ['command palette', 'Control+k', '[data-test="command-palette"]'],
      ['shortcut help', '?', '[data-test="shortcut-help"]'],
      ['tag picker', 't', '[data-test="tag-picker"]'],
      ['channel picker', 'c', '[data-test="channel-picker"]'],
      ['list picker', 'l', '[data-test="id-picker"]'],
      ['settings', 'Control+,', '[data-test="settings"]'],
      ['export', 'Control+e', '[data-test="export-dialog"]'],
    ]
    for (const [name, keys, selector] of screens) {
      await page.keyboard.press(keys)
      await audit(page, found, name, selector)
      await close(page, selector)
      await focusedIn(page, '[data-test="contact-table"]')
    }

    // Duplicates, once the scan has answered (groups, or none among these contacts).
    await page.keyboard.press('Control+Shift+D')
    await audit(page, found, 'duplicates', '[data-test="duplicate-groups"], [data-test="duplicates-none"]')
    await close(page, '[data-test="duplicates-dialog"]')
    await focusedIn(page, '[data-test="contact-table"]')

    // An import's columns and its preview, with a valid row, a refused one and a likely duplicate.
    const known = sandbox.store.all().find((contact) => contact.phone)!
    const file = join(dir, `leads-${scheme}-${language}.csv`)
    await writeFile(file, ['Name,Phone,Email', 'Zoë Fairbanks,+4917112345678,zoe@example.de', 'No Phone,12,not-an-email', `Someone Else,${known.phone},`].join('\n'))
    const chooser = page.waitForEvent('filechooser')
    await page.keyboard.press('Control+o')
    await (await chooser).setFiles(file)
    await audit(page, found, 'import columns', '[data-test="import-mapping"]')
    await page.keyboard.press('Control+Enter')
    await audit(page, found, 'import preview', '[data-test="import-preview"]')
    await close(page, '[data-test="import-dialog"]')
    await focusedIn(page, '[data-test="contact-table"]')

    // An edit made offline waits in the pending panel.
    await goOffline(page, sandbox)
    await page.keyboard.press('b')
    await unsyncedButton(page).click()
    await audit(page, found, 'pending panel', '[data-test="pending-item"]')
    expect(found).toEqual({})
  })
})
