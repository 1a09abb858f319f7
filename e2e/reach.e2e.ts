// Reaching a person in one keystroke from the table or the open contact: the links go through main's
// allowlisted opener (the host records them), phone and email land on the clipboard.
import { describe, expect, it } from 'vitest'
import type { Contact } from '../src/shared/contact'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { focusedIn } from './support/keyboard'
import { contactRows, searchBox } from './support/screens'

describe.skipIf(chromiumSkipReason())('reach and copy', () => {
  const signedIn = useSignedInApp(100)

  it('opens WhatsApp, Telegram, a call and an email with w, g, p, m, and copies with y and Shift+Y', async () => {
    const { sandbox, app } = signedIn
    const { page, host, context } = app
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin })
    const person = sandbox.store.all().find((contact) => contact.phone && contact.email) as Contact
    const digits = person.phone!.replace(/\D/g, '')
    await searchBox(page).fill(person.phone!)
    await expect.poll(() => contactRows(page).count()).toBe(1)
    await searchBox(page).press('ArrowDown')
    // From the table: the focused contact.
    await page.keyboard.press('w')
    await expect.poll(() => host.opened.at(-1)).toBe(`https://wa.me/${digits}`)
    await page.keyboard.press('y')
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(person.phone)

    // From the open contact, whose email the server sends when it is opened.
    await page.keyboard.press('Enter')
    await focusedIn(page, '[data-test="contact-details"]')
    await expect.poll(() => page.locator('[data-test="contact-details"]').textContent()).toContain(person.email!)
    await page.keyboard.press('g')
    await expect.poll(() => host.opened.at(-1)).toBe(`https://t.me/+${digits}`)
    await page.keyboard.press('p')
    await expect.poll(() => host.opened.at(-1)).toBe(`tel:${person.phone}`)
    await page.keyboard.press('m')
    await expect.poll(() => host.opened.at(-1)).toBe(`mailto:${person.email}`)
    await page.keyboard.press('Shift+Y')
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(person.email)
  })
})
