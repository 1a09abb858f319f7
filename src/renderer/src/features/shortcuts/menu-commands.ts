// The app menu's clicks, as main sends them through the preload; nothing happens outside Electron (the browser host).
import { onBeforeUnmount, onMounted } from 'vue'
import type { SkylightEvents } from '../../../../shared/contract'
import { COMMANDS, type CommandId, type TextEdit } from '../../../../shared/keymap'
import { isTypingTarget } from './key-commands'

declare global {
  interface Window {
    /** Exposed by the preload in Electron; absent in a plain browser. */
    skylightEvents?: SkylightEvents
  }
}

type Run = (id: CommandId) => void

const TEXT_EDITS: ReadonlyMap<CommandId, TextEdit> = new Map(
  COMMANDS.flatMap((command) => (command.textEdit ? [[command.id, command.textEdit] as const] : [])),
)

/** The mounted screen's commands; the app shows one screen at a time, and onboarding offers none. */
let screenRun: Run | null = null

/**
 * The field's own editing. Deprecated, but the only way a page reaches a field's undo stack; Chromium on
 * macOS leaves these keys to the Edit menu, so without it Cmd+Z and Cmd+A would do nothing in a field.
 */
function editText(edit: TextEdit): void {
  document.execCommand(edit)
}

/**
 * Listens to the app menu while the app runs: call once, at the root. In a text field Undo, Redo and
 * Select All edit the text (as their keys do there); every other click is the screen's command.
 */
export function useAppMenu(edit: (edit: TextEdit) => void = editText): void {
  let off: () => void = () => {}
  onMounted(() => {
    off =
      window.skylightEvents?.onMenuCommand((id) => {
        const textEdit = TEXT_EDITS.get(id)
        if (textEdit && isTypingTarget(document.activeElement)) edit(textEdit)
        else screenRun?.(id)
      }) ?? (() => {})
  })
  onBeforeUnmount(() => off())
}

/** Runs `run` for every menu click (outside text editing) while the calling screen is mounted. */
export function useMenuCommands(run: Run): void {
  onMounted(() => (screenRun = run))
  onBeforeUnmount(() => {
    if (screenRun === run) screenRun = null
  })
}
