// What main tells the page unasked, as the preload delivers it: deep links open a contact or a search, a ready update offers the restart.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { DeepLinkEvent } from '../src/shared/deep-link'
import type { UpdateStatus } from '../src/shared/update-status'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { notification } from './support/keyboard'
import { contactsSummary, searchBox } from './support/screens'

const CONTACTS = 120

declare global {
  interface Window {
    deliverDeepLink?: (event: DeepLinkEvent) => void
    deliverUpdate?: (status: UpdateStatus) => void
  }
}

/** The preload's events object, as Electron would expose it; the test plays main's part. */
async function withMainEvents(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    window.skylightEvents = {
      onMenuCommand: () => () => {},
      onDeepLink: (listener) => {
        window.deliverDeepLink = listener
        return () => {}
      },
      onUpdateStatus: (listener) => {
        window.deliverUpdate = listener
        return () => {}
      },
    }
  })
  await page.reload()
  await expect.poll(() => contactsSummary(page).textContent()).toBe(`${CONTACTS} contacts`)
}

const deliver = (page: Page, event: DeepLinkEvent) => page.evaluate((sent) => window.deliverDeepLink?.(sent), event)

describe.skipIf(chromiumSkipReason())('deep links and update news', () => {
  const signedIn = useSignedInApp(CONTACTS)

  it('a contact link opens that contact; a search link shows the search; an unknown contact and a refused link say so', async () => {
    const { page, sandbox } = signedIn
    await withMainEvents(page)
    const person = sandbox.store.all()[17]
    await deliver(page, { link: { kind: 'contact', id: person.id } })
    await expect.poll(() => page.locator('[data-test="details-name"]').textContent()).toBe(person.name)
    await page.keyboard.press('Escape')
    await page.locator('[data-test="contact-details"]').waitFor({ state: 'detached' })

    const surname = person.name.split(' ').at(-1) as string
    await deliver(page, { link: { kind: 'search', query: surname } })
    await expect.poll(() => searchBox(page).inputValue()).toBe(surname)
    await expect.poll(() => contactsSummary(page).textContent()).toMatch(/^\d+ match(es)?$/)

    await deliver(page, { link: { kind: 'contact', id: 987654 } })
    await expect.poll(() => page.locator('[data-test="details-missing"]').textContent()).toContain('There is no contact 987654 on SkyLight.')
    await page.keyboard.press('Escape')

    await deliver(page, { refused: 'This link cannot be opened: SkyLight Contacts opens skylight-contacts://contact/<id> and skylight-contacts://search?q=<text> links.' })
    await expect.poll(() => notification(page).textContent()).toContain('This link cannot be opened')
  })

  it('shows "Restart to update" once main says an update is ready', async () => {
    const { page } = signedIn
    await withMainEvents(page)
    const button = page.locator('[data-test="restart-to-update"]')
    expect(await button.count()).toBe(0)
    await page.evaluate(() => window.deliverUpdate?.({ state: 'downloading', version: '0.2.0', percent: 40 }))
    expect(await button.count()).toBe(0)
    await page.evaluate(() => window.deliverUpdate?.({ state: 'ready', version: '0.2.0' }))
    await button.waitFor()
    expect(await button.textContent()).toBe('Restart to update')
  })
})
