// Steps on the contacts table shared by the bulk-action and outbox e2e flows: finding one contact, the selection, tagging, noting and renaming, the server's view.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Sandbox } from '../../src/sandbox/faults/knobbed-sandbox'
import type { Contact } from '../../src/shared/contact'
import { focusedIn } from './keyboard'
import { contactRows, contactsSummary, searchBox } from './screens'

export const selectionCount = (page: Page) => page.locator('[data-test="selection-count"]')
export const focusedRow = (page: Page) => page.locator('[data-test="contact-row"].row--focused')
export const unsyncedButton = (page: Page) => page.locator('[data-test="unsynced"]')

/** How many contacts are selected, as the summary line says ("12 selected"); 0 when it is hidden. */
export async function selectedCount(page: Page): Promise<number> {
  if ((await selectionCount(page).count()) === 0) return 0
  const text = (await selectionCount(page).textContent()) ?? ''
  const found = /^\s*([\d,]+) selected/.exec(text)
  if (!found) throw new Error(`Unexpected selection text: ${text}`)
  return Number(found[1].replace(/,/g, ''))
}

/** `/`, then replaces whatever the search box held with `text`. The keys stay in the search box. */
export async function search(page: Page, text: string): Promise<void> {
  await page.keyboard.press('/')
  await focusedIn(page, '[data-test="contacts-search"]')
  await page.keyboard.press('Control+a')
  if (text) await page.keyboard.type(text)
  else await page.keyboard.press('Backspace')
  await expect.poll(() => searchBox(page).inputValue()).toBe(text)
}

/** Searches one contact by its phone (unique per account) and leaves the keys on its row, in the table. */
export async function focusContact(page: Page, contact: Pick<Contact, 'name' | 'phone'>): Promise<void> {
  if (!contact.phone) throw new Error(`${contact.name} has no phone to find them by`)
  await search(page, contact.phone)
  await expect.poll(() => contactRows(page).count()).toBe(1)
  await page.keyboard.press('ArrowDown')
  await focusedIn(page, '[data-test="contact-table"]')
  await expect.poll(() => focusedRow(page).getAttribute('aria-label')).toMatch(new RegExp(`^${escapeRegExp(contact.name)}, `))
}

/** Finds each contact by phone and selects it with `x`; the selection outlives the searches. */
export async function selectContacts(page: Page, contacts: readonly Pick<Contact, 'name' | 'phone'>[]): Promise<void> {
  const before = await selectedCount(page)
  for (const [i, contact] of contacts.entries()) {
    await focusContact(page, contact)
    await page.keyboard.press('x')
    await expect.poll(() => selectedCount(page)).toBe(before + i + 1)
  }
}

/** `t` on the selection (or the focused contact): types `tag`, picks it, applies, and waits for the picker to leave. */
export async function addTag(page: Page, tag: string): Promise<void> {
  await page.keyboard.press('t')
  await focusedIn(page, '[data-test="tag-picker"]')
  await page.keyboard.type(tag)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+Enter')
  await page.locator('[data-test="tag-picker"]').waitFor({ state: 'detached' })
}

/** `a` on the focused (or open) contact: types `text` in its note box, adds it with Ctrl+Enter, and waits for it in the list. */
export async function addNote(page: Page, text: string): Promise<void> {
  await page.keyboard.press('a')
  await focusedIn(page, '[data-test="note-draft"]')
  await page.keyboard.type(text)
  await page.keyboard.press('Control+Enter')
  await expect.poll(() => page.locator('[data-test="note"]').allTextContents()).toContainEqual(expect.stringContaining(text))
}

/** `e` on the focused (or open) contact: replaces its name with `name` and saves with Ctrl+Enter. */
export async function renameFocused(page: Page, name: string): Promise<void> {
  await page.keyboard.press('e')
  await focusedIn(page, '[data-test="contact-form"]')
  await page.locator('[data-test="contact-form"] [data-field="name"] input').focus()
  await page.keyboard.press('Control+a')
  await page.keyboard.type(name)
  await page.keyboard.press('Control+Enter')
  await page.locator('[data-test="contact-form"]').waitFor({ state: 'detached' })
}

/** Back to every contact, with the keys in the table. */
export async function clearSearch(page: Page, total: number): Promise<void> {
  await search(page, '')
  await expect.poll(() => contactsSummary(page).textContent()).toBe(`${total.toLocaleString('en')} contacts`)
  await page.keyboard.press('ArrowDown')
  await focusedIn(page, '[data-test="contact-table"]')
}

/** Contacts a test can find by phone and edit freely: not blacklisted, with a phone. */
export function editable(sandbox: Sandbox, accept: (contact: Contact) => boolean = () => true): Contact[] {
  return sandbox.store.all().filter((contact) => contact.phone && !contact.blacklisted && accept(contact))
}

export async function serverNotes(sandbox: Sandbox, id: number): Promise<string[]> {
  const response = await fetch(`${sandbox.baseUrl}/api/v1/contacts/${id}/notes`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } })
  return ((await response.json()) as { data: { content: string }[] }).data.map((note) => note.content)
}

/** Every queued edit has reached the server: the header's "N unsynced" is gone. */
export async function allSynced(page: Page, timeout = 30_000): Promise<void> {
  await expect.poll(() => unsyncedButton(page).count(), { timeout }).toBe(0)
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** After a search: moves the focus down the results to the first row whose label starts with `name, ` (the rows in view only). */
export async function focusRowNamed(page: Page, name: string): Promise<void> {
  const label = new RegExp(`^${escapeRegExp(name)}, `)
  await expect.poll(async () => (await contactRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))).some((text) => label.test(text))).toBe(true)
  await page.keyboard.press('ArrowDown')
  await focusedIn(page, '[data-test="contact-table"]')
  await page.keyboard.press('Home')
  const rows = await contactRows(page).count()
  for (let i = 0; i < rows && !label.test((await focusedRow(page).getAttribute('aria-label')) ?? ''); i++) await page.keyboard.press('j')
  expect(await focusedRow(page).getAttribute('aria-label')).toMatch(label)
}
