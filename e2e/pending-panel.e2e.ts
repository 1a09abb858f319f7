// The pending changes panel in Chromium: with the API down, edits are listed with their state; one is
// discarded (and its local effect undone), the list is exported as JSON, one is retried; back online the rest lands.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Contact } from '../src/shared/contact'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { addTag, allSynced, clearSearch, editable, focusContact, focusedRow, renameFocused, unsyncedButton } from './support/contacts'
import { focusedIn, goOffline, goOnline, notification } from './support/keyboard'
import { settled } from './support/screens'

const CONTACTS = 300

const panel = (page: Page) => page.locator('[data-test="pending-panel"]')
const items = (page: Page) => panel(page).locator('[data-test="pending-item"]')
/** The panel's entry for `what` (as the panel words it) on the contact shown as `who`. */
const item = (page: Page, what: string, who: string): Locator =>
  items(page).filter({ has: page.locator('.pending__what', { hasText: what }) }).filter({ has: page.locator('.pending__who', { hasText: who }) })
const statusOf = (entry: Locator) => entry.locator('.pending__head .n-tag').textContent()
const attemptsOf = async (entry: Locator) => Number(/^Retrying \((\d+)\)$/.exec((await statusOf(entry)) ?? '')?.[1] ?? 0)

interface ExportedIntent {
  kind: string
  contactId: number
  status: string
  attempts: number
  add?: string[]
  changes?: Record<string, unknown>
  listId?: number
}

describe.skipIf(chromiumSkipReason())('pending changes panel', () => {
  const signedIn = useSignedInApp(CONTACTS)

  it('lists offline edits with their state; discard reverts one, export saves them all, retry sends one again; online the rest lands', async () => {
    const { sandbox, app, page } = signedIn
    const [renamed, tagged, blacklisted, listed] = editable(sandbox, (contact) => !contact.tags.includes('berlin')).slice(0, 4) as [Contact, Contact, Contact, Contact]
    await goOffline(page, sandbox)
    await page.keyboard.press('ArrowDown')

    // Four edits, by keyboard: a rename, a tag, a blacklist, a list.
    await focusContact(page, renamed)
    await renameFocused(page, 'Renamed Offline')
    await expect.poll(() => focusedRow(page).getAttribute('aria-label')).toMatch(/^Renamed Offline, /)

    await focusContact(page, tagged)
    await addTag(page, 'berlin')
    await expect.poll(() => notification(page).textContent()).toContain('1 tagged berlin')

    await focusContact(page, blacklisted)
    await page.keyboard.press('b')
    await expect.poll(() => notification(page).textContent()).toContain('1 blacklisted')

    await focusContact(page, listed)
    await page.keyboard.press('l')
    await focusedIn(page, '[data-test="id-picker"]')
    await page.keyboard.type('42')
    await page.keyboard.press('Enter')
    await expect.poll(() => notification(page).textContent()).toContain('1 added to list #42')
    await page.locator('[data-test="id-picker"]').waitFor({ state: 'detached' })

    // The header counts them; its button opens the panel, which lists each with its state.
    await expect.poll(() => unsyncedButton(page).textContent()).toMatch(/^\s*4 unsynced/)
    await unsyncedButton(page).click()
    await panel(page).waitFor()
    await expect.poll(() => items(page).count()).toBe(4)
    const rename = item(page, 'Change name', 'Renamed Offline')
    const tag = item(page, 'Tag berlin', tagged.name)
    const blacklist = item(page, 'Blacklist', blacklisted.name)
    const list = item(page, 'Add to list #42', listed.name)
    for (const entry of [rename, tag, blacklist, list]) {
      expect(await entry.count()).toBe(1)
      expect(await statusOf(entry)).toMatch(/^(Waiting|Retrying \(\d+\))$/)
    }

    // Export: a download whose JSON lists every queued intent.
    const [download] = await Promise.all([page.waitForEvent('download'), panel(page).locator('[data-test="pending-export"]').click()])
    expect(download.suggestedFilename()).toMatch(/^skylight-pending-changes-[\dT-]+\.json$/)
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { exportedAt: string; intents: ExportedIntent[] }
    expect(Number.isNaN(Date.parse(exported.exportedAt))).toBe(false)
    const byContact = new Map(exported.intents.map((intent) => [intent.contactId, intent]))
    expect(exported.intents).toHaveLength(4)
    expect(byContact.get(renamed.id)).toMatchObject({ kind: 'update', changes: { name: 'Renamed Offline' } })
    expect(byContact.get(tagged.id)).toMatchObject({ kind: 'tags', add: ['berlin'] })
    expect(byContact.get(blacklisted.id)).toMatchObject({ kind: 'setBlacklisted' })
    expect(byContact.get(listed.id)).toMatchObject({ kind: 'addToList', listId: 42 })

    // Discard the rename: confirmed, it leaves the list and the contact shows its old name again.
    await rename.getByRole('button', { name: 'Discard' }).click()
    const confirm = page.locator('.n-dialog', { hasText: 'Discard this change?' })
    await confirm.waitFor()
    await settled(page)
    expect(await confirm.textContent()).toContain('Renamed Offline')
    await confirm.getByRole('button', { name: 'Discard' }).click()
    await confirm.waitFor({ state: 'detached' })
    await expect.poll(() => items(page).count()).toBe(3)
    expect(await rename.count()).toBe(0)
    await expect.poll(() => unsyncedButton(page).textContent()).toMatch(/^\s*3 unsynced/)

    // Retry: the API is still down, so the replayer keeps failing and backing off; Retry starts the count again.
    await expect.poll(() => attemptsOf(blacklist), { timeout: 15_000 }).toBeGreaterThanOrEqual(2)
    const attempts = await attemptsOf(blacklist)
    await blacklist.getByRole('button', { name: 'Retry' }).click()
    await expect.poll(() => page.locator('.n-message').last().textContent()).toContain('Will be sent again')
    // Back to the first attempt (which fails at once, offline), at least 0.5 s before the next.
    await expect.poll(() => attemptsOf(blacklist)).toBeLessThan(attempts)

    // The table shows the old name again (and nothing was sent).
    await page.keyboard.press('Escape')
    await panel(page).waitFor({ state: 'detached' })
    await clearSearch(page, CONTACTS)
    await focusContact(page, renamed)
    expect(sandbox.store.get(renamed.id)!.name).toBe(renamed.name)

    // Online with the panel open: it empties as the rest lands on the server.
    await unsyncedButton(page).click()
    await panel(page).waitFor()
    await expect.poll(() => items(page).count()).toBe(3)
    await goOnline(page, sandbox)
    await expect.poll(() => sandbox.store.get(blacklisted.id)!.blacklisted, { timeout: 20_000 }).toBe(true)
    await expect.poll(() => sandbox.store.lists(listed.id), { timeout: 20_000 }).toEqual([42])
    await expect.poll(() => sandbox.store.get(tagged.id)!.tags, { timeout: 20_000 }).toEqual([...tagged.tags, 'berlin'])
    await expect.poll(() => items(page).count(), { timeout: 20_000 }).toBe(0)
    expect(await panel(page).textContent()).toContain('Every change is on the server.')
    await allSynced(page)
    expect(sandbox.store.get(renamed.id)!.name).toBe(renamed.name)
    expect(app.errors).toEqual([])
  })

  it('a discarded tag, shown here until then, is taken back by the next sync from the server', async () => {
    const { sandbox, app, page } = signedIn
    const target = editable(sandbox, (contact) => !contact.tags.includes('berlin'))[0]!
    await goOffline(page, sandbox)
    await page.keyboard.press('ArrowDown')
    await focusContact(page, target)
    await addTag(page, 'berlin')
    await expect.poll(() => focusedRow(page).textContent()).toContain('berlin')

    await unsyncedButton(page).click()
    await panel(page).waitFor()
    await item(page, 'Tag berlin', target.name).getByRole('button', { name: 'Discard' }).click()
    const confirm = page.locator('.n-dialog', { hasText: 'Discard this change?' })
    await confirm.waitFor()
    await settled(page)
    await confirm.getByRole('button', { name: 'Discard' }).click()
    await confirm.waitFor({ state: 'detached' })
    await expect.poll(() => items(page).count()).toBe(0)
    await page.keyboard.press('Escape')
    await panel(page).waitFor({ state: 'detached' })

    await goOnline(page, sandbox)
    await expect.poll(() => page.locator('[data-test="sync-text"]').textContent(), { timeout: 20_000 }).toMatch(/^Synced/)
    await expect.poll(() => focusedRow(page).textContent(), { timeout: 20_000 }).not.toContain('berlin')
    expect(sandbox.store.get(target.id)!.tags).toEqual(target.tags)
    expect(app.errors).toEqual([])
  })
})
