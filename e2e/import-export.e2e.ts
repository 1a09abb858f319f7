// Contacts in and out in Chromium, by keyboard: a CSV imported with a duplicate resolved and the import undone, files the
// import refuses, a file dropped on the window, an export read back from the host's folder, a duplicate group merged and undone.
import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Contact } from '../src/shared/contact'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { allSynced, search, serverNotes } from './support/contacts'
import { focusedIn, notification, pressTimes } from './support/keyboard'
import { contactsSummary, screenshotFile, settled } from './support/screens'

const CONTACTS = 200

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skylight-import-e2e-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** From the search box (where signing in leaves the keys) down into the table: dialogs give the keys back where they found them. */
async function intoTable(page: Page): Promise<void> {
  await page.keyboard.press('ArrowDown')
  await focusedIn(page, '[data-test="contact-table"]')
}

/** Ctrl+O and the file chooser answered with `path`. */
async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Control+o')
  await (await chooser).setFiles(path)
}

/** The tag the import gives by default: import-YYYY-MM-DD, today where the browser is. */
const todaysTag = (page: Page) => page.evaluate(() => {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `import-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
})

/** A valid number that differs from `phone` only before its last six digits, and is nobody's yet. */
function sameLastDigits(phone: string, taken: (phone: string) => boolean): string | null {
  const at = phone.length - 7
  for (let digit = 0; digit <= 9; digit++) {
    const next = `${phone.slice(0, at)}${digit}${phone.slice(at + 1)}`
    if (next !== phone && !taken(next) && parsePhoneNumberFromString(next)?.isValid()) return next
  }
  return null
}

const byName = (sandbox: { store: { all(): Contact[] } }, name: string) => sandbox.store.all().filter((contact) => contact.name === name)

describe.skipIf(chromiumSkipReason())('import, export and duplicates', () => {
  const signedIn = useSignedInApp(CONTACTS)
  // Playwright starts catching file choosers once a page has a listener, without waiting for the browser to agree: a
  // listener from the start, so that a chooser opened right after waitForEvent is caught too (under load it was not).
  beforeEach(() => {
    signedIn.page.on('filechooser', () => {})
  })

  it('imports a CSV by keyboard: columns, a preview with a duplicate resolved, the import, and one undo taking it back', async () => {
    const { sandbox, page } = signedIn
    const candidates = sandbox.store.all().filter((contact) => contact.phone && !contact.blacklisted && contact.name.split(' ').length === 2)
    const byPhone = candidates[0]!
    const twin = candidates.find((contact) => contact !== byPhone && sameLastDigits(contact.phone!, (phone) => sandbox.store.isPhoneTaken(phone)))!
    const twinPhone = sameLastDigits(twin.phone!, (phone) => sandbox.store.isPhoneTaken(phone))!
    const [first, last] = twin.name.split(' ')
    const twins = byName(sandbox, twin.name).length
    const file = join(dir, 'trade-fair-leads.csv')
    await writeFile(
      file,
      [
        'Vorname;Nachname;Handy;E-Mail;Kategorien;Notiz',
        'Zoë;Fairbanks;+4917112345678;zoe@example.de;fair, vip;Met at booth 4',
        `Someone;Else;${byPhone.phone};;fair;Came back on Friday`,
        `${first};${last};${twinPhone};;fair;`,
        'Bad;Phone;12;bad@;fair;',
      ].join('\r\n'),
    )
    const tag = await todaysTag(page)

    await intoTable(page)
    await importFile(page, file)
    const mapping = page.locator('[data-test="import-mapping"]')
    await mapping.waitFor()
    expect(await page.locator('[data-test="import-file-line"]').textContent()).toBe('CSV, semicolon-separated · UTF-8 · 4 rows')
    expect(await page.locator('[data-test="import-target"]').allTextContents()).toEqual(['First name', 'Last name', 'Mobile phone (preferred)', 'Email', 'Tags', 'Note'])
    expect(await page.locator('[data-test="import-tag"] input').inputValue()).toBe(tag)
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-import-mapping.png') })
    await page.keyboard.press('Control+Enter')

    const preview = page.locator('[data-test="import-preview"]')
    await preview.waitFor()
    expect(await page.locator('[data-test="import-filter-all"]').textContent()).toContain('4')
    expect(await page.locator('[data-test="import-row-duplicate"]').count()).toBe(2)
    expect(await page.locator('[data-test="import-row-invalid"] [data-test="import-issue"]').allTextContents()).toEqual([
      expect.stringMatching(/number/i),
      'Email is not a valid address.',
    ])
    // Only the likely duplicates (3), the second one (j), skipped (s); the first keeps "add to existing".
    await page.keyboard.press('3')
    await expect.poll(() => page.locator('[data-test="import-rows"] [role="row"]').count()).toBe(2)
    await page.keyboard.press('j')
    await page.keyboard.press('s')
    const choice = (row: number) => page.locator(`[data-row="${row}"] [data-test="import-row-choice"] .n-radio-button--checked`).textContent()
    await expect.poll(() => choice(4)).toBe('Skip')
    expect(await choice(3)).toBe('Add to it')
    await page.keyboard.press('1')
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-import-preview.png') })
    expect(await page.locator('[data-test="import-apply"]').textContent()).toBe('Import: create 1, add to 1')
    await page.keyboard.press('Control+Enter')

    const summary = page.locator('[data-test="import-summary"]')
    await summary.waitFor()
    expect(await summary.textContent()).toContain('1 new contact')
    expect(await summary.textContent()).toContain('1 contact here got the file')
    expect(await summary.textContent()).toContain('1 duplicate skipped')
    await page.keyboard.press('Enter')
    await summary.waitFor({ state: 'detached' })
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${CONTACTS + 1} contacts`)
    await allSynced(page)

    // On the server: the new contact once, with its tags and note; the duplicate added to; the skipped twin alone; no invalid row.
    // The header's count is throttled, so it may still read 0 before the import's edits reach it: wait on the server's state.
    await expect.poll(() => byName(sandbox, 'Zoë Fairbanks').length).toBe(1)
    const zoe = byName(sandbox, 'Zoë Fairbanks')
    expect(zoe).toMatchObject([{ phone: '+4917112345678', email: 'zoe@example.de', type: 'whatsapp', tags: ['fair', 'vip', tag] }])
    await expect.poll(() => serverNotes(sandbox, zoe[0]!.id)).toEqual(['Met at booth 4'])
    await expect.poll(() => sandbox.store.get(byPhone.id)?.tags).toEqual([...byPhone.tags, 'fair', tag])
    await expect.poll(() => serverNotes(sandbox, byPhone.id)).toContain('Came back on Friday')
    await allSynced(page)
    expect(byName(sandbox, twin.name)).toHaveLength(twins)
    expect(byName(sandbox, 'Bad Phone')).toHaveLength(0)

    // One undo takes the whole import back, as far as the API allows (a note cannot be deleted).
    await focusedIn(page, '[data-test="contact-table"]')
    await page.keyboard.press('Control+z')
    await expect.poll(() => notification(page).textContent()).toContain('Undone: Imported trade-fair-leads.csv')
    await expect.poll(() => byName(sandbox, 'Zoë Fairbanks'), { timeout: 30_000 }).toEqual([])
    await expect.poll(() => sandbox.store.get(byPhone.id)?.tags, { timeout: 30_000 }).toEqual(byPhone.tags)
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${CONTACTS} contacts`)
  })

  it('refuses files it cannot import with a clear message: not text, too large, too many rows, empty', async () => {
    const { page } = signedIn
    const picture = join(dir, 'photo.png')
    await writeFile(picture, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)))
    const huge = join(dir, 'huge.csv')
    await writeFile(huge, '')
    // 200 MB without writing them: a sparse file.
    await truncate(huge, 200 * 1024 * 1024)
    const millionRows = join(dir, 'million.csv')
    await writeFile(millionRows, `name,phone\n${'Ann,+4930123456\n'.repeat(1_000_000)}`)
    const empty = join(dir, 'empty.csv')
    await writeFile(empty, '')

    for (const [path, message] of [
      [picture, 'This file is not text'],
      [huge, 'The file is 200 MB; files up to 50 MB can be imported'],
      [millionRows, 'The file has more than 100,000 contacts'],
      [empty, 'The file is empty'],
    ] as const) {
      await importFile(page, path)
      await expect.poll(() => page.locator('[data-test="import-error"]').textContent(), { timeout: 30_000 }).toContain(message)
      await page.keyboard.press('Escape')
      await page.locator('[data-test="import-dialog"]').waitFor({ state: 'detached' })
    }
    // Nothing was written.
    expect(await contactsSummary(page).textContent()).toBe(`${CONTACTS} contacts`)
  })

  it('imports a vCard file dropped on the window', async () => {
    const { sandbox, page } = signedIn
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'N:Lovelace;Ada;;;', 'FN:Ada Lovelace', 'TEL;TYPE=CELL:+44 7700 900123', 'CATEGORIES:math,engine', 'END:VCARD', ''].join('\r\n')
    await page.evaluate((text) => {
      const data = new DataTransfer()
      data.items.add(new File([text], 'ada.vcf', { type: 'text/vcard' }))
      for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
    }, card)
    await page.locator('[data-test="import-vcard-note"]').waitFor()
    expect(await page.locator('[data-test="import-file-line"]').textContent()).toBe('vCard · UTF-8 · 1 card')
    await page.keyboard.press('Control+Enter')
    await page.locator('[data-test="import-preview"]').waitFor()
    await page.keyboard.press('Control+Enter')
    await page.locator('[data-test="import-summary"]').waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(() => byName(sandbox, 'Ada Lovelace'), { timeout: 30_000 }).toMatchObject([{ phone: '+447700900123', tags: ['math', 'engine', await todaysTag(page)] }])
  })

  it('exports what the search shows to CSV and everything to vCard, saved where the host says, read back', async () => {
    const { sandbox, page } = signedIn
    const vip = sandbox.store.all().filter((contact) => contact.tags.some((tag) => tag.startsWith('vip')))
    await search(page, '#vip')
    await expect.poll(() => contactsSummary(page).textContent()).toBe(`${vip.length} matches`)

    // No selection: the export offers what the search shows; Enter exports it as CSV.
    await page.keyboard.press('Control+e')
    await page.locator('[data-test="export-dialog"]').waitFor()
    await expect.poll(() => page.locator('[data-test="export-scope-filter"] input').isChecked()).toBe(true)
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-export.png') })
    await page.keyboard.press('Enter')
    await page.locator('[data-test="export-done"]').waitFor()
    const csvPath = (await page.locator('[data-test="export-path"]').textContent())!
    expect(csvPath.startsWith(signedIn.app.host.exportDir)).toBe(true)
    const csv = await readFile(csvPath, 'utf8')
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('\ufeffName,Phone,Email,Channel,Status,Blacklisted,Tags,Notes')
    expect(lines).toHaveLength(vip.length + 1)
    for (const contact of vip) expect(csv).toContain(contact.phone ? `"${contact.phone}"` : contact.name)
    await page.keyboard.press('Enter')
    await page.locator('[data-test="export-dialog"]').waitFor({ state: 'detached' })

    // Everything, as vCard 4.0: Tab to the formats, ↓ to vCard 4.0, Enter.
    await page.keyboard.press('Control+e')
    await page.locator('[data-test="export-dialog"]').waitFor()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.locator('[data-test="export-scope-all"] input').isChecked()).toBe(true)
    await page.keyboard.press('Tab')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.locator('[data-test="export-format-vcard-4.0"] input').isChecked()).toBe(true)
    await page.keyboard.press('Enter')
    await page.locator('[data-test="export-done"]').waitFor()
    const vcf = await readFile((await page.locator('[data-test="export-path"]').textContent())!, 'utf8')
    expect(vcf.match(/BEGIN:VCARD\r\nVERSION:4\.0/g)).toHaveLength(CONTACTS)
    expect((await readdir(signedIn.app.host.exportDir)).sort()).toEqual([expect.stringMatching(/\.csv$/), expect.stringMatching(/\.vcf$/)])
  })

  it('finds a duplicate group, merges it from the keyboard, and undoes the merge', async () => {
    const { sandbox, page } = signedIn
    const kept = sandbox.store.create({ name: 'Grace Hopper', type: 'whatsapp', phone: '+14155550123', tags: ['navy'] })
    const other = sandbox.store.create({ name: 'Hopper Grace', type: 'telegram', phone: '+447700550123', tags: ['cobol', 'navy'] })
    await page.keyboard.press('Control+r')
    await expect.poll(() => contactsSummary(page).textContent(), { timeout: 30_000 }).toBe(`${CONTACTS + 2} contacts`)
    await intoTable(page)

    await page.keyboard.press('Control+Shift+D')
    const detail = page.locator('[data-test="duplicate-detail"]')
    await detail.waitFor({ timeout: 30_000 })
    // Strongest first: move with j until the group of the two is on screen.
    const groups = await page.locator('[data-test="duplicates-count"] strong').textContent()
    for (let i = 0; i < Number(groups) && !(await detail.textContent())?.includes('550123'); i++) await pressTimes(page, 'j', 1)
    expect(await page.locator('[data-test="duplicate-why"]').textContent()).toBe('Similar name, same last digits (…550123)')
    // The survivor is the one with more tags; ← makes the other one the survivor, → back.
    await expect.poll(() => page.locator('[data-test="duplicate-member"][aria-pressed="true"]').textContent()).toContain('Hopper Grace')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => page.locator('[data-test="duplicate-member"][aria-pressed="true"]').textContent()).toContain('Grace Hopper')
    expect(await page.locator('[data-test="duplicate-result-type"]').textContent()).toBe('WhatsApp')
    // Per field, whose value stays: the other one's channel (a value is a button: a click, or Tab and Space).
    await page.locator('[data-test="duplicate-cell-type"]').nth(1).click()
    await expect.poll(() => page.locator('[data-test="duplicate-result-type"]').textContent()).toBe('Telegram')
    expect(await page.locator('[data-test="duplicate-result-phone"]').textContent()).toBe('+14155550123')
    await page.locator('[data-test="duplicate-groups"]').focus()
    await settled(page)
    await page.screenshot({ path: screenshotFile('screenshot-duplicates.png') })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.n-message').last().textContent()).toContain('Merged 2 contacts into Grace Hopper')
    await expect.poll(() => sandbox.store.get(other.id), { timeout: 30_000 }).toBeUndefined()
    await expect.poll(() => sandbox.store.get(kept.id)?.tags.sort()).toEqual(['cobol', 'navy'])
    // The kept contact's update waits for the delete: the other one's channel arrives last.
    await expect.poll(() => sandbox.store.get(kept.id), { timeout: 30_000 }).toMatchObject({ name: 'Grace Hopper', phone: '+14155550123', type: 'telegram' })

    // Undo: the survivor as it was, the other one created again (a new id: the API cannot undelete).
    await page.keyboard.press('Escape')
    await page.locator('[data-test="duplicates-dialog"]').waitFor({ state: 'detached' })
    await focusedIn(page, '[data-test="contact-table"]')
    await page.keyboard.press('Control+z')
    await expect.poll(() => notification(page).textContent()).toContain('Undone: Merged 2 contacts into Grace Hopper')
    await expect.poll(() => byName(sandbox, 'Hopper Grace'), { timeout: 30_000 }).toMatchObject([{ phone: '+447700550123', type: 'telegram', tags: ['cobol', 'navy'] }])
    await expect.poll(() => sandbox.store.get(kept.id)?.tags, { timeout: 30_000 }).toEqual(['navy'])
    await expect.poll(() => sandbox.store.get(kept.id)?.type, { timeout: 30_000 }).toBe('whatsapp')
  })
})
