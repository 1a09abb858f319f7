// Hydration in Chromium: signed in with partial list rows, every contact's details and notes are read in the
// background (the header counts them); offline, a contact never opened shows its email and notes.
import { describe, expect, it } from 'vitest'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { focusedIn, goOffline } from './support/keyboard'
import { focusContact, search } from './support/contacts'
import { contactRows } from './support/screens'

const notesLists = (stats: { byRoute: Record<string, number> }) => stats.byRoute['GET /api/v1/contacts/{id}/notes'] ?? 0

describe.skipIf(chromiumSkipReason())('hydration', () => {
  const signedIn = useSignedInApp(200)

  it('reads every contact in the background, counted in the header; offline, a never opened contact shows its email and notes', async () => {
    const { sandbox, page } = signedIn
    // Slow enough answers that the header's count can be read while it runs.
    sandbox.knobs.latencyMs = 25
    const hydration = page.locator('[data-test="hydration-text"]')
    await expect.poll(() => hydration.textContent(), { timeout: 30_000 }).toMatch(/^Details offline: [\d,]+ of 200/)

    sandbox.knobs.latencyMs = 0
    // Done: every contact's notes were asked for, and the count left the header.
    await expect.poll(() => notesLists(sandbox.stats), { timeout: 60_000 }).toBeGreaterThanOrEqual(200)
    await page.locator('[data-test="hydration"]').waitFor({ state: 'detached', timeout: 30_000 })

    const target = sandbox.store.all().find((contact) => contact.email && contact.phone && sandbox.store.notes(contact.id).length > 0)!
    const notes = sandbox.store.notes(target.id).map((note) => note.content)
    await goOffline(page, sandbox)

    // The email, which list rows leave out, now finds the contact offline.
    await search(page, target.email!)
    await expect.poll(() => contactRows(page).count()).toBe(1)

    await focusContact(page, target)
    await page.keyboard.press('Enter')
    await focusedIn(page, '[data-test="contact-details"]')
    const details = page.locator('[data-test="contact-details"]')
    await expect.poll(() => details.textContent()).toContain(target.email!)
    await expect.poll(() => page.locator('[data-test="note"]').allTextContents()).toEqual(expect.arrayContaining(notes.map((note) => expect.stringContaining(note))))
    await expect.poll(() => page.locator('[data-test="details-as-of"]').textContent()).toMatch(/^Details as of /)
  })
})
