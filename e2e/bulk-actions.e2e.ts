// Bulk actions in Chromium, by keyboard (Shift+click aside): select all matching, ranges, delete, lists and
// segments, channel, tag removal, undo and redo; each checked on the sandbox's server state.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Contact } from '../src/shared/contact'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { addTag, allSynced, clearSearch, editable, focusContact, focusRowNamed, search, selectContacts, selectedCount, selectionCount } from './support/contacts'
import { focusedIn, goOffline, goOnline, notification } from './support/keyboard'
import { contactRows, contactsSummary } from './support/screens'

const CONTACTS = 400

const withTag = (contacts: readonly Contact[], tag: string) => contacts.filter((contact) => contact.tags.includes(tag))
const ids = (contacts: readonly Pick<Contact, 'id'>[]) => contacts.map((contact) => contact.id).sort((a, b) => a - b)

/** The indexes of the rows in view that show as selected. */
const selectedRows = (page: Page) =>
  page.locator('[data-test="contact-row"][aria-selected="true"]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex')) - 2).sort((a, b) => a - b))
const rowAt = (page: Page, index: number) => page.locator(`[data-test="contact-row"][aria-rowindex="${index + 2}"]`)

describe.skipIf(chromiumSkipReason())('bulk actions', () => {
  const signedIn = useSignedInApp(CONTACTS)

  it('Ctrl+A selects every contact matching the search and the filter, loaded or not', async () => {
    const { sandbox, page } = signedIn
    const all = sandbox.store.all()
    const vip = all.filter((contact) => contact.tags.some((tag) => tag.startsWith('vip')))
    const expected = vip.filter((contact) => contact.type === 'whatsapp')
    // Both the search and the filter narrow; more match than the table shows at once.
    expect(expected.length).toBeLessThan(vip.length)
    expect(expected.length).toBeLessThan(all.filter((contact) => contact.type === 'whatsapp').length)
    expect(expected.length).toBeGreaterThan(20)

    await search(page, '#vip')
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${vip.length} matches`)
    // Tab to the channel filter; Enter opens it, Enter picks its first channel, WhatsApp.
    await page.keyboard.press('Tab')
    await focusedIn(page, '[data-test="filter-channel"]')
    await page.keyboard.press('Enter')
    await page.locator('.n-base-select-menu').waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('[data-test="filter-channel"]').textContent()).toContain('WhatsApp')
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${expected.length} matches`)
    expect(await contactRows(page).count()).toBeLessThan(expected.length)

    // Back to the search box, down into the table, select all.
    await page.keyboard.press('Shift+Tab')
    await focusedIn(page, '[data-test="contacts-search"]')
    await page.keyboard.press('ArrowDown')
    await focusedIn(page, '[data-test="contact-table"]')
    await page.keyboard.press('Control+a')
    await expect.poll(() => selectedCount(page)).toBe(expected.length)
    expect(await selectedRows(page)).toEqual([...Array(await contactRows(page).count()).keys()])

    // Which contacts: a tag on the selection lands on exactly those on the server.
    await addTag(page, 'picked-all')
    await expect.poll(() => notification(page).textContent()).toContain(`${expected.length} tagged picked-all`)
    await expect.poll(() => ids(withTag(sandbox.store.all(), 'picked-all')), { timeout: 20_000 }).toEqual(ids(expected))
  })

  it('Shift+click selects the rows between the anchor and the clicked row', async () => {
    const { page } = signedIn
    await expect.poll(() => contactRows(page).count()).toBeGreaterThan(15)
    await rowAt(page, 2).click()
    await rowAt(page, 7).click({ modifiers: ['Shift'] })
    await expect.poll(() => selectedCount(page)).toBe(6)
    expect(await selectedRows(page)).toEqual([2, 3, 4, 5, 6, 7])
    expect(await page.locator('[data-test="contact-row"].row--focused').getAttribute('aria-rowindex')).toBe('9')

    // The anchor stays: a Shift+click above the last one shrinks the range.
    await rowAt(page, 4).click({ modifiers: ['Shift'] })
    await expect.poll(() => selectedRows(page)).toEqual([2, 3, 4])
    expect(await selectedCount(page)).toBe(3)

    // Ctrl+click toggles one row and becomes the anchor of the next range.
    await rowAt(page, 10).click({ modifiers: ['Control'] })
    await expect.poll(() => selectedRows(page)).toEqual([2, 3, 4, 10])
    await rowAt(page, 12).click({ modifiers: ['Shift'] })
    await expect.poll(() => selectedRows(page)).toEqual([10, 11, 12])

    // Esc clears the selection and its anchor: the next range starts at the row clicked last.
    await page.keyboard.press('Escape')
    await expect.poll(() => selectedCount(page)).toBe(0)
    await rowAt(page, 14).click()
    await rowAt(page, 16).click({ modifiers: ['Shift'] })
    await expect.poll(() => selectedRows(page)).toEqual([14, 15, 16])
    expect(await selectedCount(page)).toBe(3)
  })

  it('Delete asks with the count; Esc keeps them selected; confirmed, they go at once here and, once online, on the server', async () => {
    const { sandbox, page } = signedIn
    const targets = editable(sandbox).slice(0, 3)
    await goOffline(page, sandbox)
    await page.keyboard.press('ArrowDown')
    await selectContacts(page, targets)

    const dialog = page.locator('.n-dialog')
    await page.keyboard.press('Delete')
    await dialog.waitFor()
    await focusedIn(page, '.n-dialog')
    expect(await dialog.textContent()).toContain('Delete 3 contacts?')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await selectedCount(page)).toBe(3)
    await clearSearch(page, CONTACTS)
    expect(await selectedCount(page)).toBe(3)

    // Cancel has the focus (the safe choice); Tab reaches Delete, Enter presses it.
    await page.keyboard.press('Delete')
    await dialog.waitFor()
    await focusedIn(page, '.n-dialog')
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Delete 3 contacts')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => notification(page).textContent()).toContain('3 deleted')
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${CONTACTS - 3} contacts`)
    expect(await selectionCount(page).count()).toBe(0)
    expect(await page.locator('[data-test="contact-details"]').count()).toBe(0)
    await search(page, targets[0]!.phone!)
    await expect.poll(() => contactsSummary(page).textContent()).toBe('0 matches')
    for (const target of targets) expect(sandbox.store.get(target.id)).toBeDefined()

    await goOnline(page, sandbox)
    await expect.poll(() => targets.filter((target) => sandbox.store.get(target.id)).length, { timeout: 20_000 }).toBe(0)
    expect(sandbox.store.size()).toBe(CONTACTS - 3)
    await allSynced(page)
  })

  it('`l` and `s` add to a list and a segment by id, remember the id by its label, and the server records the membership', async () => {
    const { sandbox, page } = signedIn
    const [a, b, c, d, e, f] = editable(sandbox).slice(0, 6) as [Contact, Contact, Contact, Contact, Contact, Contact]
    await page.keyboard.press('ArrowDown')
    await selectContacts(page, [a, b])

    // A new id: the field for its name comes next in Tab order; Enter applies.
    await page.keyboard.press('l')
    await focusedIn(page, '[data-test="id-picker"]')
    expect(await page.locator('[data-test="id-picker"]').textContent()).toContain('Add 2 contacts to a list')
    await page.keyboard.type('42')
    await page.keyboard.press('Tab')
    await focusedIn(page, 'input[aria-label="list name"]')
    await page.keyboard.type('Berlin fair')
    await page.keyboard.press('Enter')
    await page.locator('[data-test="id-picker"]').waitFor({ state: 'detached' })
    await expect.poll(() => notification(page).textContent()).toContain('2 added to list Berlin fair')

    // Next time it is offered by its label, ready: Ctrl+Enter applies it to the focused contact.
    await page.keyboard.press('Escape')
    await expect.poll(() => selectedCount(page)).toBe(0)
    await focusContact(page, c)
    await page.keyboard.press('l')
    await focusedIn(page, '[data-test="id-picker"]')
    expect(await page.locator('[data-test="id-picker"] .n-base-selection').textContent()).toContain('Berlin fair (#42)')
    await page.keyboard.press('Control+Enter')
    await page.locator('[data-test="id-picker"]').waitFor({ state: 'detached' })
    await expect.poll(() => notification(page).textContent()).toContain('1 added to list Berlin fair')
    await expect.poll(() => [a, b, c].map((contact) => sandbox.store.lists(contact.id)), { timeout: 20_000 }).toEqual([[42], [42], [42]])

    // Segments: the same, and the label outlives a reload.
    await selectContacts(page, [d, e])
    await page.keyboard.press('s')
    await focusedIn(page, '[data-test="id-picker"]')
    await page.keyboard.type('7')
    await page.keyboard.press('Tab')
    await focusedIn(page, 'input[aria-label="segment name"]')
    await page.keyboard.type('Autumn leads')
    await page.keyboard.press('Enter')
    await expect.poll(() => notification(page).textContent()).toContain('2 added to segment Autumn leads')
    await page.reload()
    await expect.poll(() => contactsSummary(page).textContent(), { timeout: 15_000 }).toBe(`${CONTACTS} contacts`)
    await focusContact(page, f)
    await page.keyboard.press('s')
    await focusedIn(page, '[data-test="id-picker"]')
    expect(await page.locator('[data-test="id-picker"] .n-base-selection').textContent()).toContain('Autumn leads (#7)')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => notification(page).textContent()).toContain('1 added to segment Autumn leads')
    await expect.poll(() => [d, e, f].map((contact) => sandbox.store.segments(contact.id)), { timeout: 20_000 }).toEqual([[7], [7], [7]])

    // Nobody else joined, and lists and segments stayed apart.
    const members = sandbox.store.all().filter((contact) => sandbox.store.lists(contact.id).length || sandbox.store.segments(contact.id).length)
    expect(ids(members)).toEqual(ids([a, b, c, d, e, f]))
    expect([a, b, c].map((contact) => sandbox.store.segments(contact.id))).toEqual([[], [], []])
    await allSynced(page)
  })

  it('changing the channel of a selection reaches the server; a contact without a phone needs attention for Telegram', async () => {
    const { sandbox, page } = signedIn
    const all = sandbox.store.all()
    const withPhone = editable(sandbox, (contact) => contact.type === 'whatsapp').slice(0, 2)
    // Found by a name no one else has, as a contact without a phone cannot be searched by it.
    const phoneless = all.find(
      (contact) => !contact.phone && !contact.blacklisted && contact.type === 'instagram' && all.filter((other) => other.name === contact.name).length === 1,
    )!
    expect(phoneless).toBeDefined()

    await page.keyboard.press('ArrowDown')
    await selectContacts(page, withPhone)
    await search(page, phoneless.name)
    await focusRowNamed(page, phoneless.name)
    await page.keyboard.press('x')
    await expect.poll(() => selectedCount(page)).toBe(3)

    await page.keyboard.press('c')
    await focusedIn(page, '[data-test="channel-picker"]')
    expect(await page.locator('[data-test="channel-picker"]').textContent()).toContain('Move 3 contacts to')
    await page.keyboard.press('2')
    await page.locator('[data-test="channel-picker"]').waitFor({ state: 'detached' })
    await expect.poll(() => notification(page).textContent()).toContain('2 moved to Telegram · 1 needs attention')
    expect(await notification(page).textContent()).toContain(`${phoneless.name} needs a phone number for Telegram`)

    await expect.poll(() => withPhone.map((contact) => sandbox.store.get(contact.id)!.type), { timeout: 20_000 }).toEqual(['telegram', 'telegram'])
    await allSynced(page)
    expect(sandbox.store.get(phoneless.id)!.type).toBe('instagram')
  })

  it('Shift+T removes a tag from the selection, on the server too, keeping the other tags', async () => {
    const { sandbox, page } = signedIn
    const vipBefore = withTag(sandbox.store.all(), 'vip').length
    const targets = editable(sandbox, (contact) => contact.tags.includes('vip') && contact.tags.length > 1).slice(0, 3)
    expect(targets).toHaveLength(3)
    await page.keyboard.press('ArrowDown')
    await selectContacts(page, targets)

    await page.keyboard.press('Shift+T')
    await focusedIn(page, '[data-test="tag-picker"]')
    expect(await page.locator('[data-test="tag-picker"]').textContent()).toContain('Remove tags from 3 contacts')
    // Removal picks among the tags in use (it creates none): wait for the option, then pick it.
    await page.keyboard.type('vip')
    await page.locator('.n-base-select-option--pending', { hasText: /^vip\b/ }).waitFor()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+Enter')
    await page.locator('[data-test="tag-picker"]').waitFor({ state: 'detached' })
    await expect.poll(() => notification(page).textContent()).toContain('3 untagged vip')

    await expect.poll(() => withTag(sandbox.store.all(), 'vip').length, { timeout: 20_000 }).toBe(vipBefore - 3)
    for (const target of targets) {
      expect(sandbox.store.get(target.id)!.tags).toEqual(target.tags.filter((tag) => tag !== 'vip'))
    }
    await allSynced(page)
  })

  it('offline: Ctrl+Z drops a queued tag, Ctrl+Shift+Z queues it again; online the server has it once', async () => {
    const { sandbox, page } = signedIn
    const targets = editable(sandbox, (contact) => !contact.tags.includes('promo')).slice(0, 3)
    await goOffline(page, sandbox)
    await page.keyboard.press('ArrowDown')
    await selectContacts(page, targets)
    await addTag(page, 'promo')
    await expect.poll(() => notification(page).textContent()).toContain('3 tagged promo')
    await expect.poll(() => page.locator('[data-test="pending-badge"]').count()).toBe(1)

    await page.keyboard.press('Control+z')
    await expect.poll(() => notification(page).textContent()).toContain('Undone: 3 tagged promo')
    // Nothing was sent: the queued tags are dropped, the rows show no tag and no unsynced edit.
    await expect.poll(() => page.locator('[data-test="pending-badge"]').count()).toBe(0)
    await expect.poll(() => contactRows(page).first().textContent()).not.toContain('promo')
    await allSynced(page, 5_000)

    await page.keyboard.press('Control+Shift+Z')
    await expect.poll(() => notification(page).textContent()).toContain('Redone: 3 tagged promo')
    await expect.poll(() => contactRows(page).first().textContent()).toContain('promo')
    expect(withTag(sandbox.store.all(), 'promo')).toHaveLength(0)

    await goOnline(page, sandbox)
    await expect.poll(() => ids(withTag(sandbox.store.all(), 'promo')), { timeout: 20_000 }).toEqual(ids(targets))
    await allSynced(page)
    for (const target of targets) expect(sandbox.store.get(target.id)!.tags).toEqual([...target.tags, 'promo'])
  })

  it('online: Ctrl+Z after the tag synced queues its removal, Ctrl+Shift+Z puts it back; the server follows each step', async () => {
    const { sandbox, page } = signedIn
    const targets = editable(sandbox, (contact) => !contact.tags.includes('promo')).slice(0, 4)
    await page.keyboard.press('ArrowDown')
    await selectContacts(page, targets)
    await addTag(page, 'promo')
    await expect.poll(() => ids(withTag(sandbox.store.all(), 'promo')), { timeout: 20_000 }).toEqual(ids(targets))
    await allSynced(page)

    await page.keyboard.press('Control+z')
    await expect.poll(() => notification(page).textContent()).toContain('Undone: 4 tagged promo')
    await expect.poll(() => withTag(sandbox.store.all(), 'promo').length, { timeout: 20_000 }).toBe(0)
    await allSynced(page)
    for (const target of targets) expect(sandbox.store.get(target.id)!.tags).toEqual(target.tags)

    await page.keyboard.press('Control+Shift+Z')
    await expect.poll(() => notification(page).textContent()).toContain('Redone: 4 tagged promo')
    await expect.poll(() => ids(withTag(sandbox.store.all(), 'promo')), { timeout: 20_000 }).toEqual(ids(targets))
    await allSynced(page)
  })
})
