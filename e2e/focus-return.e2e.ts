// A fast typist: a dialog closed and `/` pressed at once; the keys must go on landing in the search box
// once the dialog has finished leaving, not be taken back to the table (where letters are commands).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { chromiumSkipReason, launchChromium } from './support/chromium'
import { openSignedIn } from './support/app'
import { focusedIn } from './support/keyboard'
import { searchBox } from './support/screens'

describe.skipIf(chromiumSkipReason())('focus after a dialog closes', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it.each([
    ['the details drawer', 'Enter', '[data-test="contact-details"]'],
    ['the command palette', 'Control+k', '[data-test="command-palette"]'],
  ])('keeps the search box focused when / is pressed while %s is still leaving', async (_name, open, selector) => {
    const { sandbox, app } = await openSignedIn(browser, 50)
    try {
      const { page } = app
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
    } finally {
      await app.close()
      await sandbox.close()
    }
  })
})
