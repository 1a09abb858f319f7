// The table after the query changes while scrolled to the end: the first rows are the new query's first matches, in order.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { Contact } from '../src/shared/contact'
import { startSandbox, type Sandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { nameCollator } from '../src/renderer/src/search/word-index'
import { chromiumSkipReason, launchChromium } from './support/chromium'
import { openApp, type AppPage } from './support/app'
import { contactsSummary, onboardingCard, searchBox, signIn } from './support/screens'

/** Surnames repeat ten times each, so a window shifted by a few rows shows other names. */
const SURNAMES = ['Dubois', 'Петров', 'García', 'Nakamura', 'Okafor', 'Müller', 'Silva', 'Ahmadi', 'Kowalski', 'Larsen', 'Rossi', 'Novak', 'Haddad', 'Yılmaz', 'Papadopoulos', 'Chen', 'Nguyen', 'Schmidt', 'Moreau', 'Ivanova', 'Costa', 'Jensen', 'Horvat', 'Kaya', 'Fischer', 'Bianchi', 'Lindqvist', 'Sato', 'Mendes', 'Berger']
const SHOWN = 12

/** The app's order for rows that rank alike: the name by the page language's (English) name collator, then id. */
const inNameOrder = (contacts: Contact[]): string[] =>
  [...contacts].sort((a, b) => nameCollator('en').compare(a.name, b.name) || a.id - b.id).map((contact) => contact.name)

/** Names of the rows in view from the top, in row order; `null` for a slot still loading. */
const firstRows = (page: Page) =>
  page.locator('[data-test="contact-table"] [role="row"][data-index]').evaluateAll((rows, shown) => {
    const byIndex = new Map(rows.map((row) => [Number(row.getAttribute('data-index')), row]))
    return Array.from({ length: shown }, (_, index) => {
      const row = byIndex.get(index)
      return row?.getAttribute('data-test') === 'contact-row' ? (row.getAttribute('aria-label') ?? '').split(', ')[0] : null
    })
  }, SHOWN)

describe.skipIf(chromiumSkipReason())('search changed while scrolled down', () => {
  let browser: Browser
  let sandbox: Sandbox
  let app: AppPage
  let everyone: Contact[]
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, contacts: 40 })
    SURNAMES.forEach((surname, i) => {
      for (let n = 0; n < 10; n++) {
        sandbox.store.create({ name: `José ${surname}`, type: 'instagram', tags: [`batch-${n}`] })
        if (i < 25) sandbox.store.create({ name: `Zoë ${surname}`, type: 'instagram', tags: [`batch-${n}`] })
      }
    })
    everyone = sandbox.store.all()
    app = await openApp(browser)
    await onboardingCard(app.page).waitFor()
    await signIn(app.page, sandbox.baseUrl, sandbox.apiKey)
    await expect.poll(() => contactsSummary(app.page).textContent(), { timeout: 30_000 }).toBe(`${everyone.length} contacts`)
  })
  afterEach(async () => {
    await app?.close()
    await sandbox?.close()
  })

  /** The table shows the last of `matches`, scrolled to the end. */
  async function lastRowShown(page: Page, matches: Contact[]): Promise<void> {
    const last = inNameOrder(matches).at(-1) as string
    const row = page.locator(`[data-index="${matches.length - 1}"][data-test="contact-row"]`)
    await expect.poll(() => row.getAttribute('aria-label')).toMatch(new RegExp(`^${last},`))
  }

  /** Searches `jose`, goes to its last match, then comes back to the search box with its text selected. */
  /** The query's matches counted, the table taken to their last one, then the search box's text selected again. */
  async function scrollToLastMatch(page: Page, matches: Contact[]): Promise<void> {
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${matches.length} matches`)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await lastRowShown(page, matches)
    await page.keyboard.press('/')
    await page.keyboard.press('Control+a')
  }

  async function scrollToLastJose(page: Page): Promise<void> {
    await searchBox(page).fill('jose')
    await scrollToLastMatch(page, everyone.filter((contact) => contact.name.startsWith('José')))
  }

  it('a pasted query shows its first matches at the top, in order, each once', async () => {
    const { page } = app
    const zoes = everyone.filter((contact) => contact.name.startsWith('Zoë'))
    const joses = everyone.filter((contact) => contact.name.startsWith('José'))
    await scrollToLastJose(page)
    // Back and forth: each paste races the table's scroll to the top against the new query's read.
    for (const [query, matches] of [['zoe', zoes], ['jose', joses], ['zoe', zoes]] as const) {
      await page.keyboard.insertText(query)
      await expect.poll(() => firstRows(page)).toEqual(inNameOrder(matches).slice(0, SHOWN))
      await scrollToLastMatch(page, matches)
    }
  })

  it('Esc clears the query and shows the first contacts by name at the top', async () => {
    const { page } = app
    await scrollToLastJose(page)
    await page.keyboard.press('Escape')
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${everyone.length} contacts`)
    await expect.poll(() => firstRows(page)).toEqual(inNameOrder(everyone).slice(0, SHOWN))
  })
})
