// The API key never leaks: after a session with a known key, nothing the page stored or received, nor main's log, holds it.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { searchBox } from './support/screens'
import { addTag } from './support/contacts'

/** Every record of every IndexedDB database of the page, as JSON text. */
const indexedDbDump = (page: Page) =>
  page.evaluate(async () => {
    const dumps: string[] = []
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll()
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        dumps.push(`${info.name}/${store}: ${JSON.stringify(rows)}`)
      }
      db.close()
    }
    return dumps
  })

/** Every file of main's log folder, current and rotated. */
const logDump = async (dir: string) => {
  const files = await readdir(dir)
  return (await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')))).join('\n')
}

const webStorageDump = (page: Page) =>
  page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }))

describe.skipIf(chromiumSkipReason())('secrets', () => {
  const signedIn = useSignedInApp(300)

  it('keeps the key out of IndexedDB, web storage, every answer the page got and the log', async () => {
    const answers: string[] = []
    const { sandbox, app } = signedIn
    const { page } = app
    page.on('response', (response) => {
      // A body the reload discarded cannot be read any more; every other one is checked.
      if (new URL(response.url()).pathname.includes('/rpc/')) void response.text().then((text) => answers.push(text), () => {})
    })
    // Use the app a little: a search, an edit synced to the server, a note, a reload.
    await searchBox(page).press('ArrowDown')
    await addTag(page, 'leak-check')
    await expect.poll(() => sandbox.store.all().filter((contact) => contact.tags.includes('leak-check')).length, { timeout: 15_000 }).toBe(1)
    await page.reload()
    await searchBox(page).waitFor()
    await page.keyboard.press('Control+r')
    await expect.poll(() => answers.length, { timeout: 15_000 }).toBeGreaterThan(3)

    const key = sandbox.apiKey
    const logged = await logDump(app.host.logDir)
    expect(logged).toContain(`signed in to ${sandbox.baseUrl} with the key sk_test_…${key.slice(-4)}`)
    const stored = await indexedDbDump(page)
    expect(stored.length).toBeGreaterThan(0)
    // The dump read the stored records: sealed (issue 15), so not even the tag is there in clear.
    expect(stored.join('\n')).toContain('$sealed')
    expect(stored.join('\n')).not.toContain('leak-check')
    for (const text of [...stored, await webStorageDump(page), ...answers, logged]) expect(text).not.toContain(key)
    // The hint the app shows is the key's last characters, never the key.
    expect(answers.join('\n')).toContain(key.slice(-4))
  })
})
