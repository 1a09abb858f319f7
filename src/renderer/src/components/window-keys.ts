// A big dialog's own keys, wherever the focus is inside it (or lost to the page): heard on the window while the dialog is shown.
import { onBeforeUnmount, onMounted } from 'vue'

/** Text fields, and a select whose menu is open, keep their keys. */
export function keysBelongToField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  if (!element || typeof element.tagName !== 'string') return false
  if (element.isContentEditable || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true
  if (element.tagName === 'INPUT') return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes((element as HTMLInputElement).type)
  return false
}

/**
 * While `active()`, each key press goes to `onKey` first, before the focused widget (Ctrl/⌘+Enter must
 * not open a focused select instead); `onKey` calls preventDefault on what it used, and leaves a field's keys alone.
 */
export function useWindowKeys(active: () => boolean, onKey: (event: KeyboardEvent) => void): void {
  const listener = (event: KeyboardEvent) => {
    if (!active() || event.defaultPrevented || event.isComposing) return
    onKey(event)
    // A key the dialog used goes nowhere else (not to a field behind it that kept the focus).
    if (event.defaultPrevented) event.stopPropagation()
  }
  onMounted(() => window.addEventListener('keydown', listener, { capture: true }))
  onBeforeUnmount(() => window.removeEventListener('keydown', listener, { capture: true }))
}
