// The user's keyboard layout as the browser tells it (Chromium's `navigator.keyboard.getLayoutMap()`), for showing keys as printed.
import { shallowRef, type ShallowRef } from 'vue'
import type { LayoutMap } from './key-commands'

interface KeyboardWithLayout {
  getLayoutMap?: () => Promise<LayoutMap>
}

const layout = shallowRef<LayoutMap | null>(null)

/**
 * The layout map, read again on every call (the user may switch layouts while the app runs); null
 * where the browser cannot tell (no Keyboard Map API, or it refused: a page without focus).
 */
export function useKeyboardLayout(source: KeyboardWithLayout | undefined = (globalThis.navigator as { keyboard?: KeyboardWithLayout } | undefined)?.keyboard): {
  layout: ShallowRef<LayoutMap | null>
  refresh: () => Promise<void>
} {
  async function refresh(): Promise<void> {
    try {
      layout.value = (await source?.getLayoutMap?.()) ?? null
    } catch {
      layout.value = null
    }
  }
  return { layout, refresh }
}
