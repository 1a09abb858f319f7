// When the page breaks: its uncaught errors reach main's log, and a crashed page is logged, reloaded, says so, and keeps its queued edits.
import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { addTag, unsyncedButton } from './support/contacts'
import { goOffline, goOnline, notification } from './support/keyboard'
import { contactsSummary, searchBox } from './support/screens'

const CONTACTS = 60
const mainLog = (dir: string) => readFile(join(dir, 'main.log'), 'utf8').catch(() => '')

describe.skipIf(chromiumSkipReason())('crash recovery in the browser host', () => {
  const signedIn = useSignedInApp(CONTACTS)

  it('logs errors nobody caught, thrown or rejected, with their stack', async () => {
    const { page, app } = signedIn
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('boom from a timer')
      })
      void Promise.reject(new TypeError('nobody waited for this'))
    })
    await expect.poll(() => mainLog(app.host.logDir)).toMatch(/ERROR renderer error: Error: boom from a timer\n\s+at /)
    await expect.poll(() => mainLog(app.host.logDir)).toMatch(/ERROR renderer unhandledrejection: TypeError: nobody waited for this/)
    // The page did log them to its console; that is what this test is about, so the fixture's check is cleared.
    app.errors.length = 0
  })

  it('reloads a crashed page, which says so, with its queued edit intact and sent once back online', async () => {
    const { page, app, sandbox } = signedIn
    await goOffline(page, sandbox)
    await searchBox(page).press('ArrowDown')
    await addTag(page, 'after-crash')
    await expect.poll(() => unsyncedButton(page).textContent()).toMatch(/^1 unsynced/)

    // The tab's renderer dies, as Electron would report with render-process-gone.
    const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()))
    const cdp = await app.context.newCDPSession(page)
    void cdp.send('Page.crash').catch(() => {})
    await crashed
    expect(app.host.rendererGone({ reason: 'crashed', exitCode: 11 })).toBe(true)
    // A crashed tab's renderer is gone for good: the reload gets a new one, as Electron's reload does.
    const reopened = await app.context.newPage()
    await reopened.goto(app.host.url)

    await expect.poll(() => notification(reopened).textContent()).toContain('stopped unexpectedly and was reopened')
    await expect.poll(() => contactsSummary(reopened).textContent()).toBe(`${CONTACTS} contacts`)
    await expect.poll(() => unsyncedButton(reopened).textContent()).toMatch(/^1 unsynced/)
    expect(await mainLog(app.host.logDir)).toMatch(/ERROR renderer process gone: crashed \(exit code 11\)/)

    await goOnline(reopened, sandbox)
    await expect.poll(() => sandbox.store.all().filter((contact) => contact.tags.includes('after-crash')).length, { timeout: 30_000 }).toBe(1)
    // Only once: the notice does not come back on the next reload.
    await reopened.reload()
    await expect.poll(() => contactsSummary(reopened).textContent()).toBe(`${CONTACTS} contacts`)
    expect(await reopened.locator('.n-notification', { hasText: 'stopped unexpectedly' }).count()).toBe(0)
  })
})
