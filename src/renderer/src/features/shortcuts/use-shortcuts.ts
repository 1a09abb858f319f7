// Runs the keymap's commands from key presses anywhere in the window, with the handlers a screen provides.
import { onBeforeUnmount, onMounted } from 'vue'
import { commandFor, isTypingTarget, type CommandId } from './key-commands'

export type ShortcutHandlers = Partial<Record<CommandId, () => void>>

/**
 * `handlers` is read at each key press, so a screen can offer fewer commands while a dialog is
 * open. A command without a handler lets the key through untouched. `typing` says whether a key
 * at that target is text (then only `whileTyping` commands run).
 */
export function useShortcuts(handlers: () => ShortcutHandlers, typing: (target: EventTarget | null) => boolean = isTypingTarget): void {
  function onKeydown(event: KeyboardEvent): void {
    // An input method (Chinese, Japanese, Korean) is composing: the key is part of the text, never a command.
    if (event.isComposing || event.keyCode === 229) return
    const command = commandFor(event, typing(event.target))
    const handler = command && handlers()[command.id]
    if (!handler) return
    event.preventDefault()
    handler()
  }
  // Capture: the screen decides before a dialog handles the same key (Esc closing it must not also clear the selection).
  onMounted(() => window.addEventListener('keydown', onKeydown, { capture: true }))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown, { capture: true }))
}
