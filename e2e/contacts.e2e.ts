// The contacts screen in Chromium: search as you type over the offline mirror, filters, and the opened contact.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Contact } from '../src/shared/contact'
import { foldForSearch } from '../src/sandbox/store'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { contactRows, contactsSummary, screenshotFile, searchBox, settled } from './support/screens'

const CONTACTS = 600

/** Names of the loaded rows, in table order. */
const shownNames = (page: Page) =>
  contactRows(page).evaluateAll((rows) => rows.map((row) => (row.getAttribute('aria-label') ?? '').split(', ')[0]))

describe.skipIf(chromiumSkipReason())('contacts screen', () => {
  const signedIn = useSignedInApp(CONTACTS)

  it('narrows the list with every keystroke, accents and case folded, with the match count', async () => {
    const { sandbox, page } = signedIn
    const accented = sandbox.store.all().find((contact) => /[À-ž]/.test(contact.name.split(' ')[0])) as Contact
    const first = accented.name.split(' ')[0]
    const typed = foldForSearch(first).slice(0, 4)
    const expected = sandbox.store.all().filter((contact) => foldForSearch(contact.name).split(' ').some((word) => word.startsWith(typed)))

    await searchBox(page).pressSequentially(typed, { delay: 40 })
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${expected.length} ${expected.length === 1 ? 'match' : 'matches'}`)
    const names = await shownNames(page)
    expect(names).toContain(accented.name)
    expect(names.every((name) => foldForSearch(name).split(' ').some((word) => word.startsWith(typed)))).toBe(true)
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-search.png') })
  })

  it('forgives one typo in a longer word, and finds phones by any run of digits', async () => {
    const { sandbox, page } = signedIn
    const person = sandbox.store.all().find((contact) => contact.phone && contact.name.split(' ')[1]?.length >= 6) as Contact
    const surname = person.name.split(' ')[1]
    const typo = surname.slice(0, 2) + surname[3] + surname[2] + surname.slice(4)
    await searchBox(page).fill(typo)
    await expect.poll(() => shownNames(page)).toContain(person.name)

    const digits = (person.phone as string).replace(/\D/g, '').slice(-6)
    await searchBox(page).fill(`${digits.slice(0, 3)} ${digits.slice(3)}`)
    await expect.poll(() => shownNames(page)).toContain(person.name)
  })

  it('combines a filter with the text, and says so when nothing matches', async () => {
    const { sandbox, page } = signedIn
    const telegram = sandbox.store.all().filter((contact) => contact.type === 'telegram')
    await page.locator('[data-test="filter-channel"]').click()
    await page.locator('.n-base-select-option', { hasText: 'Telegram' }).click()
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${telegram.length} matches`)
    await searchBox(page).fill('zzzz qqqq')
    await page.locator('[data-test="contacts-empty"]').waitFor()
    expect(await page.locator('[data-test="contacts-empty"]').textContent()).toContain('No contacts match')
    await page.getByRole('button', { name: 'Clear search and filters' }).click()
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${CONTACTS} contacts`)
  })

  it('shows at the contact why the server refused a change (422), with the field', async () => {
    const { sandbox, page } = signedIn
    const taken = sandbox.store.all().find((contact) => contact.type === 'whatsapp' && contact.phone)!.phone as string
    await searchBox(page).press('ArrowDown')
    await page.keyboard.press('n')
    await page.waitForFunction(() => Boolean(document.activeElement?.closest('[data-test="contact-form"]')))
    await page.keyboard.type('Dora Duplicate')
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type(taken)
    await page.keyboard.press('Control+Enter')
    await page.locator('[data-test="details-name"]', { hasText: 'Dora Duplicate' }).waitFor({ timeout: 10_000 })
    const state = page.locator('[data-test="contact-sync-state"]')
    await state.waitFor({ timeout: 10_000 })
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toContain('Refused')
    expect(await page.locator('[data-test="contact-field-errors"]').textContent()).toMatch(/^phone: /)
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-refused.png') })

    // The user fixes it: `e`, a phone nobody has, Ctrl+Enter; the corrected creation goes through.
    await page.locator('[data-test="details-edit"]').focus()
    await page.keyboard.press('e')
    await page.waitForFunction(() => Boolean(document.activeElement?.closest('[data-test="contact-form"]')))
    await page.locator('[data-test="contact-form"] input[placeholder^="Like +1"]').fill('+14155550199')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => sandbox.store.all().find((contact) => contact.name === 'Dora Duplicate')?.phone, { timeout: 20_000 }).toBe('+14155550199')
    await state.waitFor({ state: 'detached', timeout: 10_000 })
  })

  it('opens a contact with every field fetched from the server, and says when the server is unreachable', async () => {
    const { sandbox, page } = signedIn
    await searchBox(page).press('ArrowDown')
    await page.keyboard.press('Enter')
    const details = page.locator('[data-test="contact-details"]')
    await details.waitFor()
    const name = await page.locator('[data-test="details-name"]').textContent()
    const contact = sandbox.store.all().find((candidate) => candidate.name === name) as Contact
    // List rows leave out created_at; the details show it once GET /contacts/{id} answered.
    await expect.poll(() => details.textContent()).toContain(new Date(contact.created_at).getFullYear().toString())
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-details.png') })

    await page.keyboard.press('Escape')
    sandbox.knobs.errorRate = 1
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => details.textContent(), { timeout: 30_000 }).toContain('Shown from the offline copy')
  })
})
