// The keyboard-first workspace in Chromium: search, range-select, bulk tag, blacklist, undo, open; no mouse.
import { describe, expect, it } from 'vitest'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { focusedIn, goOffline, goOnline, notification, pressTimes } from './support/keyboard'
import { contactsSummary, screenshotFile, searchBox, settled } from './support/screens'
import { addNote, addTag } from './support/contacts'

describe.skipIf(chromiumSkipReason())('keyboard workspace', () => {
  const signedIn = useSignedInApp(400)

  it('offline: selects 20, tags them, blacklists 3, undoes, opens one; back online the server has it right', async () => {
    const { sandbox, page } = signedIn
    const vip = sandbox.store.all().filter((contact) => contact.tags.includes('vip'))
    expect(vip.length).toBeGreaterThan(25)
    const blacklistedBefore = sandbox.store.all().filter((contact) => contact.blacklisted).length
    await goOffline(page, sandbox)

    // The search box has the focus at start; ↓ goes to the table, `/` comes back.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('/')
    expect(await searchBox(page).evaluate((input) => input === document.activeElement)).toBe(true)
    await page.keyboard.type('#vip')
    expect(await searchBox(page).inputValue()).toBe('#vip')
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${vip.length} matches`)
    await page.keyboard.press('ArrowDown')
    await pressTimes(page, 'Shift+ArrowDown', 19)
    await expect.poll(() => page.locator('[data-test="selection-count"]').textContent()).toMatch(/^20 selected/)

    await addTag(page, 'fair-2026')
    await expect.poll(() => notification(page).textContent()).toContain('20 tagged fair-2026')
    await expect.poll(() => page.locator('[data-test="pending-badge"]').count()).toBeGreaterThanOrEqual(20)
    await page.locator('[data-test="tag-picker"]').waitFor({ state: 'detached' })
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-bulk-summary.png') })

    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-test="selection-count"]').count()).toBe(0)
    await page.keyboard.press('Home')
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('x')
      await page.keyboard.press('j')
    }
    const blacklistedRows = () => page.locator('[data-test="contact-row"] >> text=Blacklisted').count()
    const before = await blacklistedRows()
    await page.keyboard.press('b')
    // Some of the three may have been blacklisted already: the summary says how many changed.
    await expect.poll(() => notification(page).textContent()).toMatch(/^\d blacklisted/)
    const changed = Number(/^(\d) blacklisted/.exec((await notification(page).textContent()) ?? '')?.[1])
    expect(changed).toBeGreaterThan(0)
    await expect.poll(blacklistedRows).toBe(before + changed)

    await page.keyboard.press('Control+z')
    await expect.poll(() => notification(page).textContent()).toContain(`Undone: ${changed} blacklisted`)
    await expect.poll(blacklistedRows).toBe(before)

    const focused = await page.locator('[data-test="contact-row"].row--focused').getAttribute('aria-label')
    await page.keyboard.press('Enter')
    await page.locator('[data-test="details-name"]').waitFor()
    expect(focused?.split(', ')[0]).toBe(await page.locator('[data-test="details-name"]').textContent())
    await page.keyboard.press('Escape')

    await goOnline(page, sandbox)
    await expect.poll(() => sandbox.store.all().filter((contact) => contact.tags.includes('fair-2026')).length, { timeout: 20_000 }).toBe(20)
    expect(sandbox.store.all().filter((contact) => contact.blacklisted).length).toBe(blacklistedBefore)
    await expect.poll(() => page.locator('[data-test="unsynced"]').count(), { timeout: 20_000 }).toBe(0)
  })

  it('offline: creates a contact (a bad phone first), notes and edits it, survives a reload; back online the server has it', async () => {
    const { sandbox, page } = signedIn
    await goOffline(page, sandbox)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('n')
    await focusedIn(page, '[data-test="contact-form"]')
    await page.keyboard.type('Zed Fairground')
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowRight')
    // Channel, then the country of the phone, then the phone itself.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type('12')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.locator('[data-test="contact-form"]').textContent()).toMatch(/number is too short/)
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-form-error.png') })
    await page.keyboard.press('Control+a')
    await page.keyboard.type('+14155550123')
    await page.keyboard.press('Control+Enter')

    await expect.poll(() => page.locator('[data-test="details-name"]').textContent()).toBe('Zed Fairground')
    await focusedIn(page, '[data-test="contact-details"]')
    await addNote(page, 'Met at the Berlin fair, wants a demo')

    // Out of the note box (Tab), then `e` edits the open contact: an email, saved with Ctrl+Enter.
    await page.keyboard.press('Tab')
    await page.keyboard.press('e')
    await focusedIn(page, '[data-test="contact-form"]')
    expect(await page.locator('[data-test="contact-form-dialog"]').textContent()).toContain('Edit Zed Fairground')
    await page.locator('[data-test="contact-form"] input[placeholder^="Optional, like name@"]').focus()
    await page.keyboard.type('zed@fairground.example')
    await page.keyboard.press('Control+Enter')
    await page.locator('[data-test="contact-form"]').waitFor({ state: 'detached' })

    // A reload while offline: the cached contacts show at once, the edits are still queued.
    await page.reload()
    await expect.poll(() => contactsSummary(page).textContent(), { timeout: 15_000 }).toBe('401 contacts')
    await expect.poll(() => page.locator('[data-test="sync-text"]').textContent(), { timeout: 15_000 }).toMatch(/^Offline · last synced/)
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-offline.png') })

    await goOnline(page, sandbox)
    await expect.poll(() => sandbox.store.all().find((contact) => contact.name === 'Zed Fairground')?.email, { timeout: 20_000 }).toBe('zed@fairground.example')
    const created = sandbox.store.all().find((contact) => contact.name === 'Zed Fairground')!
    expect(created).toMatchObject({ type: 'telegram', phone: '+14155550123' })
    expect(sandbox.store.all().filter((contact) => contact.name === 'Zed Fairground')).toHaveLength(1)
    const notes = await fetch(`${sandbox.baseUrl}/api/v1/contacts/${created.id}/notes`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } }).then(
      (response) => response.json() as Promise<{ data: { content: string }[] }>,
    )
    expect(notes.data.map((note) => note.content)).toEqual(['Met at the Berlin fair, wants a demo'])
  })

  it('opens the command palette, the shortcut help, and runs a command from the palette', async () => {
    const { page } = signedIn
    await page.locator('[data-test="contact-table"]').focus()
    await page.keyboard.press('Control+k')
    await focusedIn(page, '[data-test="command-palette"]')
    await page.keyboard.type('add tag')
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-palette.png') })
    await page.keyboard.press('Enter')
    await page.locator('[data-test="tag-picker"]').waitFor()
    expect(await page.locator('[data-test="tag-picker"]').textContent()).toContain('Add tags to 1 contact')
    await page.keyboard.press('Escape')
    await page.locator('[data-test="tag-picker"]').waitFor({ state: 'detached' })

    await page.keyboard.press('?')
    await page.locator('[data-test="shortcut-help"]').waitFor()
    const help = await page.locator('[data-test="shortcut-help"]').textContent()
    for (const text of ['Add tags', 'Shift+T', 'Ctrl+K', 'Ctrl+Shift+Z', 'Add to segment']) expect(help).toContain(text)
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-help.png') })
  })
})
