// The offline copy at rest: after a sync, a note and an edit queued offline, the profile's IndexedDB files on disk
// hold none of the contacts' names, phones or emails, the note's words or the queued edit's values. The same run
// with the copy left unsealed finds every one of them, so the scan can fail.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startHost } from '../src/host/host-server'
import { startSandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { chromiumSkipReason, launchChromiumProfile } from './support/chromium'
import { addNote, addTag, focusContact, renameFocused, serverNotes, unsyncedButton } from './support/contacts'
import { focusedIn, goOffline } from './support/keyboard'
import { foundIn, profileContents } from './support/profile-scan'
import { contactsSummary, onboardingCard, signIn } from './support/screens'

const CONTACTS = 300
const NOTE = 'Wants the Xylophone catalogue before Thursday'
const OFFLINE_NAME = 'Quixotic Offlinename'
const OFFLINE_TAG = 'zebrafinch'

/** Signs in, syncs, notes one contact online and edits another offline; returns what the profile's files show of it. */
async function runAndScan(plainOfflineCopy: boolean): Promise<{ needles: string[]; found: string[] }> {
  const sandbox = await startSandbox({ port: 0, contacts: CONTACTS, knobs: { rows: 'full' } })
  const host = await startHost({ port: 0, plainOfflineCopy })
  const profile = await mkdtemp(join(tmpdir(), 'skylight-profile-'))
  try {
    const context = await launchChromiumProfile(profile)
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(host.url)
    await onboardingCard(page).waitFor()
    await signIn(page, sandbox.baseUrl, sandbox.apiKey)
    await expect.poll(() => contactsSummary(page).textContent(), { timeout: 60_000 }).toBe(`${CONTACTS} contacts`)

    const editable = sandbox.store.all().filter((contact) => contact.phone && contact.email && !contact.blacklisted)
    const [noted, edited, ...others] = editable
    await focusContact(page, noted!)
    await page.keyboard.press('Enter')
    await focusedIn(page, '[data-test="contact-details"]')
    await addNote(page, NOTE)
    await expect.poll(() => serverNotes(sandbox, noted!.id)).toEqual([NOTE])
    await page.keyboard.press('Escape')
    await page.locator('[data-test="contact-details"]').waitFor({ state: 'detached' })

    await goOffline(page, sandbox)
    await focusContact(page, edited!)
    await renameFocused(page, OFFLINE_NAME)
    await addTag(page, OFFLINE_TAG)
    await expect.poll(() => unsyncedButton(page).textContent()).toMatch(/unsynced/)
    // Closing the browser writes out what LevelDB still held in memory.
    await context.close()

    const known = others.slice(0, 50).flatMap((contact) => [contact.name, contact.phone!, contact.email!])
    const needles = [...known, 'Xylophone', 'catalogue', OFFLINE_NAME, OFFLINE_TAG]
    return { needles, found: foundIn(await profileContents(profile), needles) }
  } finally {
    await host.close()
    await sandbox.close()
    await rm(profile, { recursive: true, force: true })
  }
}

describe.skipIf(chromiumSkipReason())('the offline copy at rest', () => {
  it('leaves no name, phone, email, note or queued edit readable in the profile’s IndexedDB files', async () => {
    const { needles, found } = await runAndScan(false)
    expect(needles.length).toBe(154)
    expect(found).toEqual([])
  })

  it('finds all of them when the copy is left unsealed (the scan can fail)', async () => {
    const { needles, found } = await runAndScan(true)
    expect(found).toEqual(needles)
  })
})
