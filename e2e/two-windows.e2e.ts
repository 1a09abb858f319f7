// Two windows of the app on one origin (one IndexedDB, one navigator.locks): one replayer between them
// (Web Locks), so edits queued offline in either reach the server exactly once; the other takes over when it closes.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Sandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { addNote, addTag, allSynced, editable, focusContact, selectContacts, serverNotes } from './support/contacts'
import { focusedIn, notification } from './support/keyboard'
import { contactsSummary } from './support/screens'

const CONTACTS = 200
const OUTBOX_LOCK = /^skylight-outbox:/

/** The outbox lock as this origin's lock manager sees it: how many windows hold it, how many wait for it. */
function outboxLock(page: Page): Promise<{ held: number; waiting: number }> {
  return page.evaluate(async (pattern) => {
    const state = await navigator.locks.query()
    const matching = (locks: LockInfo[] | undefined) => (locks ?? []).filter((lock) => new RegExp(pattern).test(lock.name ?? '')).length
    return { held: matching(state.held), waiting: matching(state.pending) }
  }, OUTBOX_LOCK.source)
}

const syncText = (page: Page) => page.locator('[data-test="sync-text"]').textContent()

/** The sandbox drops every connection; each window is asked to sync so both notice now. */
async function downFor(pages: Page[], sandbox: Sandbox): Promise<void> {
  sandbox.knobs.down = true
  for (const page of pages) {
    await page.keyboard.press('Control+r')
    await expect.poll(() => syncText(page), { timeout: 15_000 }).toMatch(/^Offline/)
  }
}

/** Requests the sandbox answered per route since `before`. */
function since(sandbox: Sandbox, before: Record<string, number>): Record<string, number> {
  const routes = Object.keys(sandbox.stats.byRoute).filter((route) => route.startsWith('POST') || route.startsWith('PUT') || route.startsWith('DELETE'))
  return Object.fromEntries(routes.map((route) => [route, sandbox.stats.byRoute[route]! - (before[route] ?? 0)]).filter(([, count]) => count !== 0))
}

describe.skipIf(chromiumSkipReason())('two windows', () => {
  const signedIn = useSignedInApp(CONTACTS)

  it('edits queued offline in the window that waits for the lock are sent once by the one that holds it; closing it hands over', async () => {
    const { sandbox, app } = signedIn
    const first = app.page
    const second = await app.context.newPage()
    const secondErrors: string[] = []
    second.on('pageerror', (error) => secondErrors.push(error.message))
    second.on('console', (message) => message.type() === 'error' && secondErrors.push(message.text()))
    await second.goto(app.host.url)
    await expect.poll(() => contactsSummary(second).textContent(), { timeout: 30_000 }).toBe(`${CONTACTS} contacts`)
    await second.mouse.move(0, 0)
    // One window replays, the other waits its turn.
    await expect.poll(() => outboxLock(second), { timeout: 15_000 }).toEqual({ held: 1, waiting: 1 })

    const targets = editable(sandbox, (contact) => !contact.tags.includes('two-windows')).slice(0, 5)
    await downFor([first, second], sandbox)
    const before = { ...sandbox.stats.byRoute }

    // In the second window (not the replayer): tag five, add them to a list, note the first, blacklist two.
    await second.keyboard.press('ArrowDown')
    await selectContacts(second, targets)
    await addTag(second, 'two-windows')
    await expect.poll(() => notification(second).textContent()).toContain('5 tagged two-windows')
    await second.keyboard.press('l')
    await focusedIn(second, '[data-test="id-picker"]')
    await second.keyboard.type('9')
    await second.keyboard.press('Enter')
    await expect.poll(() => notification(second).textContent()).toContain('5 added to list #9')
    await second.locator('[data-test="id-picker"]').waitFor({ state: 'detached' })
    await second.keyboard.press('Escape')
    for (const target of targets.slice(3)) {
      await focusContact(second, target)
      await second.keyboard.press('b')
      await expect.poll(() => notification(second).textContent()).toContain('1 blacklisted')
    }
    await focusContact(second, targets[0]!)
    await addNote(second, 'Seen in two windows')
    expect(sandbox.stats.byRoute).toEqual(before)

    // Back online, both windows asked to sync at once: each edit reaches the server once.
    sandbox.knobs.down = false
    await second.keyboard.press('Control+r')
    await first.keyboard.press('Control+r')
    await expect.poll(async () => serverNotes(sandbox, targets[0]!.id), { timeout: 30_000 }).toContain('Seen in two windows')
    await allSynced(first)
    await expect.poll(() => targets.filter((target) => sandbox.store.get(target.id)!.tags.includes('two-windows')).length, { timeout: 20_000 }).toBe(5)
    await expect.poll(() => targets.map((target) => sandbox.store.lists(target.id)), { timeout: 20_000 }).toEqual(targets.map(() => [9]))
    await expect.poll(() => since(sandbox, before), { timeout: 20_000 }).toEqual({
      'PUT /api/v1/contacts/{id}': 5,
      'POST /api/v1/contacts/{id}/lists': 5,
      'POST /api/v1/contacts/{id}/blacklist': 2,
      'POST /api/v1/contacts/{id}/notes': 1,
    })
    expect(await serverNotes(sandbox, targets[0]!.id)).toEqual(['Seen in two windows'])
    expect(targets.map((target) => sandbox.store.get(target.id)!.blacklisted)).toEqual([false, false, false, true, true])
    // The window that queued them sees them sent too.
    await allSynced(second)

    // The replaying window closes: the other takes the lock and sends what it queues from now on.
    await first.close()
    await expect.poll(() => outboxLock(second), { timeout: 15_000 }).toEqual({ held: 1, waiting: 0 })
    const afterFirst = { ...sandbox.stats.byRoute }
    // Esc closes the contact's panel; once it is gone the keys are the table's.
    await second.keyboard.press('Escape')
    await second.locator('[data-test="contact-details"]').waitFor({ state: 'detached' })
    await focusedIn(second, '[data-test="contact-table"]')
    await focusContact(second, targets[1]!)
    await second.keyboard.press('b')
    await expect.poll(() => notification(second).textContent()).toContain('1 blacklisted')
    await expect.poll(() => sandbox.store.get(targets[1]!.id)!.blacklisted, { timeout: 20_000 }).toBe(true)
    await allSynced(second)
    expect(since(sandbox, afterFirst)).toEqual({ 'POST /api/v1/contacts/{id}/blacklist': 1 })
    expect(secondErrors).toEqual([])
  })
})
