// Offline search over what the mirror stored of a contact once read in full: a word of its notes
// (`note:` and plain), with the note piece shown and the word marked, and a piece of its email.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { axeViolations } from './support/axe'
import { focusedIn, goOffline } from './support/keyboard'
import { focusContact, search } from './support/contacts'
import { contactRows, contactsSummary } from './support/screens'

const NOTE = 'Asked for the zephyrine price list before the spring fair'

/** The rows shown: each one's name (from its screen-reader label) and its note excerpt, if any, with the marked words. */
const shownRows = (page: Page) =>
  contactRows(page).evaluateAll((rows) =>
    rows.map((row) => {
      const excerpt = row.querySelector('[data-test="note-excerpt"]')
      return {
        name: (row.getAttribute('aria-label') ?? '').split(', ')[0],
        excerpt: excerpt?.textContent?.trim() ?? null,
        marked: [...(excerpt?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent),
      }
    }),
  )

describe.skipIf(chromiumSkipReason())('search what is offline', () => {
  const signedIn = useSignedInApp(300)

  it('finds a contact by a word of its notes and by its email once read, with the API unreachable', async () => {
    const { sandbox, page } = signedIn
    // List rows carry no email: this contact's comes with its details (hydration reads them in the background; opening it reads them at once).
    const target = sandbox.store.all().find((contact) => contact.email && contact.phone && sandbox.store.notes(contact.id).length === 0)!
    sandbox.store.addNote(target.id, NOTE)
    // Its local part and the first label of its domain: "ana.souza12@gmail".
    const [local, domain] = target.email!.split('@') as [string, string]
    const emailQuery = `${local}@${domain.split('.')[0]}`

    await focusContact(page, target)
    await page.keyboard.press('Enter')
    await focusedIn(page, '[data-test="contact-details"]')
    await expect.poll(() => page.locator('[data-test="note"]').allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringContaining(NOTE))
    await page.keyboard.press('Escape')
    await page.locator('[data-test="contact-details"]').waitFor({ state: 'detached' })

    await goOffline(page, sandbox)
    await search(page, 'note:zephyr')
    await expect.poll(() => shownRows(page), { timeout: 15_000 }).toEqual([{ name: target.name, excerpt: NOTE, marked: ['zephyrine'] }])
    await expect.poll(() => contactsSummary(page).textContent()).toBe('1 match')
    // The marked word reads as well as the rest of the row (WCAG AA contrast, the excerpt named for a screen reader).
    expect(await axeViolations(page)).toEqual([])

    // A plain word finds it too, through the note, with the same excerpt.
    await search(page, 'zephyrine')
    await expect.poll(() => shownRows(page)).toEqual([{ name: target.name, excerpt: NOTE, marked: ['zephyrine'] }])

    // Its email, read with its details, is searchable offline.
    await search(page, emailQuery)
    await expect.poll(async () => (await shownRows(page)).map((row) => row.name)).toContain(target.name)
  })

  it('counts a status filter over the contacts whose status is known, and says how many are not yet', async () => {
    const { sandbox, page } = signedIn
    const everyone = sandbox.store.all()
    const active = everyone.filter((contact) => contact.status === 'active').length
    // List rows carry no status: this contact's is read with its details, when it is opened.
    const target = everyone.find((contact) => contact.status === 'active' && contact.phone)!
    await focusContact(page, target)
    await page.keyboard.press('Enter')
    await page.locator('[data-test="details-name"]', { hasText: target.name }).waitFor({ timeout: 15_000 })
    await page.keyboard.press('Escape')
    await page.locator('[data-test="contact-details"]').waitFor({ state: 'detached' })
    await search(page, '')

    await page.locator('[data-test="filter-status"]').click()
    await page.locator('.n-base-select-option', { hasText: /^Active$/ }).click()
    const counted = async () => {
      const text = (await contactsSummary(page).textContent()) ?? ''
      const found = /^([\d,]+) match(?:es)?(?: · ([\d,]+) not yet known)?$/.exec(text)
      return found ? { matches: Number(found[1]!.replace(/,/g, '')), unknown: Number((found[2] ?? '0').replace(/,/g, '')) } : null
    }
    await expect.poll(counted).not.toBeNull()
    // Background reads (hydration) may know more statuses by now; the counts stay exact either way.
    const { matches, unknown } = (await counted())!
    expect(matches).toBeGreaterThanOrEqual(1)
    expect(matches).toBeLessThanOrEqual(active)
    expect(matches + unknown).toBeGreaterThanOrEqual(active)
    expect(matches + unknown).toBeLessThanOrEqual(everyone.length)
    expect(await page.locator('[data-test="unknown-filter-note"]').count()).toBe(unknown > 0 ? 1 : 0)
  })
})
