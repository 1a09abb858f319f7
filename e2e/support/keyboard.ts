// Keyboard-only steps shared by the e2e flows: focus checks, the network switched off and on, repeated keys.
import type { Page } from 'playwright-core'
import type { Sandbox } from '../../src/sandbox/faults/knobbed-sandbox'

export const notification = (page: Page) => page.locator('.n-notification').last()

/** A dialog opened by a key takes the focus within a frame; keys typed after that land in it. */
export async function focusedIn(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((within) => Boolean(document.activeElement?.closest(within)), selector)
}

/** The API becomes unreachable (every connection dropped); the app must notice on its own. */
export async function goOffline(page: Page, sandbox: Sandbox): Promise<void> {
  sandbox.knobs.down = true
  await page.keyboard.press('Control+r')
  // The status's state, not its words: the same steps run in every language.
  await page.locator('[data-test="sync-status"][data-reachability="offline"]').waitFor({ timeout: 15_000 })
}

/** The API is back; Ctrl+R asks the app to sync at once rather than at its next probe. */
export async function goOnline(page: Page, sandbox: Sandbox): Promise<void> {
  sandbox.knobs.down = false
  await page.keyboard.press('Control+r')
}

export async function pressTimes(page: Page, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key)
}
