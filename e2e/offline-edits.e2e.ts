// The outbox in Chromium: with the API unreachable, create, edit, tag, blacklist and note several
// contacts by keyboard, reload the page, come back online, and find all of it on the server, once.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { focusedIn, goOffline, goOnline, notification } from './support/keyboard'
import { addNote, addTag, focusContact, renameFocused, serverNotes } from './support/contacts'
import { contactsSummary } from './support/screens'

async function openFocused(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Enter')
  await focusedIn(page, '[data-test="contact-details"]')
  expect(await page.locator('[data-test="details-name"]').textContent()).toBe(name)
}

/** Esc closes the details and gives the keys back to the table. */
async function closeDetails(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await page.locator('[data-test="contact-details"]').waitFor({ state: 'detached' })
  await focusedIn(page, '[data-test="contact-table"]')
}

describe.skipIf(chromiumSkipReason())('offline edits', () => {
  const signedIn = useSignedInApp(300)

  it('reach the server exactly once after a reload: creates, edits, tags, blacklists and notes', async () => {
    const { sandbox, page } = signedIn
    const targets = sandbox.store
      .all()
      .filter((contact) => !contact.blacklisted && contact.phone && !contact.tags.includes('berlin'))
      .slice(0, 3)
    expect(targets).toHaveLength(3)
    await goOffline(page, sandbox)

    // Three existing contacts: each tagged and blacklisted; the first also renamed and noted.
    for (const target of targets) {
      await focusContact(page, target)
      await addTag(page, 'berlin')
      await page.keyboard.press('b')
      await expect.poll(() => notification(page).textContent()).toContain('1 blacklisted')
    }
    await focusContact(page, targets[0]!)
    await openFocused(page, targets[0]!.name)
    await addNote(page, 'Asked for the autumn price list')
    await page.keyboard.press('Tab')
    await renameFocused(page, 'Renamed Offline')
    await closeDetails(page)

    // Two new contacts, the second with a note.
    for (const [name, phone] of [['Nora Newcomer', '+14155550171'], ['Omar Newcomer', '+14155550172']] as const) {
      await page.keyboard.press('n')
      await focusedIn(page, '[data-test="contact-form"]')
      await page.keyboard.type(name)
      // Enter goes on to the channel; → picks Telegram, which asks for a phone.
      await page.keyboard.press('Enter')
      await page.keyboard.press('ArrowRight')
      await page.locator('[data-test="contact-form"] input[placeholder^="Like +1"]').fill(phone)
      await page.keyboard.press('Control+Enter')
      await expect.poll(() => page.locator('[data-test="details-name"]').textContent()).toBe(name)
      await closeDetails(page)
    }
    await focusContact(page, { name: 'Omar Newcomer', phone: '+14155550172' })
    await openFocused(page, 'Omar Newcomer')
    await addNote(page, 'Wants WhatsApp updates')
    await closeDetails(page)

    // Nothing has reached the server; a reload keeps every edit queued.
    expect(sandbox.store.all().filter((contact) => contact.tags.includes('berlin'))).toHaveLength(0)
    await page.reload()
    await expect.poll(() => contactsSummary(page).textContent(), { timeout: 15_000 }).toBe('302 contacts')
    await expect.poll(() => page.locator('[data-test="unsynced"]').textContent()).toMatch(/unsynced/)

    await goOnline(page, sandbox)
    // The server, polled until every queued edit has landed: the newest is the note on a contact created offline.
    const omar = () => sandbox.store.all().find((contact) => contact.name === 'Omar Newcomer')
    await expect.poll(async () => (omar() ? serverNotes(sandbox, omar()!.id) : []), { timeout: 30_000 }).toEqual(['Wants WhatsApp updates'])
    await expect.poll(() => page.locator('[data-test="unsynced"]').count(), { timeout: 30_000 }).toBe(0)
    for (const target of targets) {
      const now = sandbox.store.get(target.id)!
      expect(now.tags).toEqual(expect.arrayContaining([...target.tags, 'berlin']))
      expect(now.blacklisted).toBe(true)
    }
    expect(sandbox.store.get(targets[0]!.id)!.name).toBe('Renamed Offline')
    expect(await serverNotes(sandbox, targets[0]!.id)).toContain('Asked for the autumn price list')
    for (const name of ['Nora Newcomer', 'Omar Newcomer']) expect(sandbox.store.all().filter((contact) => contact.name === name)).toHaveLength(1)
    expect(omar()).toMatchObject({ phone: '+14155550172', type: 'telegram' })
    expect(sandbox.store.size()).toBe(302)
  })
})
