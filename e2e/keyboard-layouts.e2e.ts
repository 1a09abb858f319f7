// Shortcuts on a Russian keyboard layout: Chromium receives the keys a Russian layout sends (the J key
// types "о", K types "л", T types "е") and the app still moves, opens the palette and the tag picker.
import { describe, expect, it } from 'vitest'
import type { CDPSession, Page } from 'playwright-core'
import { chromiumSkipReason } from './support/chromium'
import { useSignedInApp } from './support/app'
import { focusedRow } from './support/contacts'
import { focusedIn } from './support/keyboard'
import { searchBox } from './support/screens'

/** The J, K and T keys of a Russian layout: what it types, the physical key, its Windows key code. */
const RUSSIAN = { j: ['о', 'KeyJ', 74], k: ['л', 'KeyK', 75], t: ['е', 'KeyT', 84] } as const
const CONTROL = 2

/** One key press as the OS delivers it with a Russian layout: through Chromium's input pipeline, not a synthetic DOM event. */
async function pressRussian(cdp: CDPSession, key: keyof typeof RUSSIAN, modifiers = 0): Promise<void> {
  const [text, code, keyCode] = RUSSIAN[key]
  const common = { key: text, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode, modifiers }
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...common, ...(modifiers ? {} : { text, unmodifiedText: text }) })
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common })
}

const focusedIndex = (page: Page) => focusedRow(page).getAttribute('data-index')

describe.skipIf(chromiumSkipReason())('keyboard layouts', () => {
  const signedIn = useSignedInApp(50)

  it('j, k, t and Ctrl+K work from the keys a Russian layout sends; typed in the search box they stay text', async () => {
    const { page } = signedIn
    const cdp = await page.context().newCDPSession(page)
    await searchBox(page).press('ArrowDown')
    await focusedIn(page, '[data-test="contact-table"]')
    await expect.poll(() => focusedIndex(page)).toBe('0')
    await pressRussian(cdp, 'j')
    await expect.poll(() => focusedIndex(page)).toBe('1')
    await pressRussian(cdp, 'j')
    await expect.poll(() => focusedIndex(page)).toBe('2')
    await pressRussian(cdp, 'k')
    await expect.poll(() => focusedIndex(page)).toBe('1')

    await pressRussian(cdp, 't')
    await focusedIn(page, '[data-test="tag-picker"]')
    await page.keyboard.press('Escape')
    await page.locator('[data-test="tag-picker"]').waitFor({ state: 'detached' })

    await pressRussian(cdp, 'k', CONTROL)
    await focusedIn(page, '[data-test="command-palette"]')
    await page.keyboard.press('Escape')
    await page.locator('[data-test="command-palette"]').waitFor({ state: 'detached' })

    // In the search box "о" and "л" are letters of a name, never j or k.
    await page.keyboard.press('/')
    await focusedIn(page, '[data-test="contacts-search"]')
    await pressRussian(cdp, 'j')
    await pressRussian(cdp, 'k')
    await expect.poll(() => searchBox(page).inputValue()).toBe('ол')
    await cdp.detach()
  })
})
