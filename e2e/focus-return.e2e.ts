// A fast typist: a dialog closed and `/` pressed at once; the keys must go on landing in the search box
// once the dialog has finished leaving, not be taken back to the table (where letters are commands).
import { describe, expect, it } from 'vitest'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { focusedIn } from './support/keyboard'
import { searchBox } from './support/screens'

describe.skipIf(chromiumSkipReason())('focus after a dialog closes', () => {
  const signedIn = useSignedInApp(50)

  it.each([
    ['the details drawer', 'Enter', '[data-test="contact-details"]'],
    ['the command palette', 'Control+k', '[data-test="command-palette"]'],
  ])('keeps the search box focused when / is pressed while %s is still leaving', async (_name, open, selector) => {
    const { page } = signedIn
    await searchBox(page).press('ArrowDown')
    await page.keyboard.press(open)
    await focusedIn(page, selector)
    await page.keyboard.press('Escape')
    await page.keyboard.press('/')
    await page.locator(selector).waitFor({ state: 'detached' })
    // Past the leave transition and the unmount: the focus must still be where the user put it.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))))
    await page.keyboard.type('zz')
    expect(await searchBox(page).inputValue()).toBe('zz')
    expect(await searchBox(page).evaluate((input) => input === document.activeElement)).toBe(true)
  })

  // The offline-edits flake on a busy machine: `n` came while the last contact's form was still leaving.
  it('opens an empty new-contact form with the keys in it when n is pressed while the last one is still leaving', async () => {
    const { page } = signedIn
    await searchBox(page).press('ArrowDown')
    await page.keyboard.press('n')
    await focusedIn(page, '[data-test="contact-form"]')
    await page.keyboard.type('Zed')
    // Esc starts the form's leave; `n` at once re-opens it while it is still on the page.
    await page.keyboard.press('Escape')
    await page.keyboard.press('n')
    await focusedIn(page, '[data-test="contact-form"] [data-field="name"]')
    await page.keyboard.type('Ada')
    expect(await page.locator('[data-test="contact-form"] [data-field="name"] input').inputValue()).toBe('Ada')
  })
})
