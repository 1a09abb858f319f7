import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { DialogOptions } from 'naive-ui'
import { useOverlayStore } from './overlay-store'
import { useSelectionStore } from './selection-store'
import { useContactCommands, type ContactCommandHooks } from './use-contact-commands'

const dialogs: DialogOptions[] = []
// Only the dialog and messages are stood in for: the rest of naive-ui (its locales, its styles) is its own.
vi.mock('naive-ui', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useDialog: () => ({ warning: (options: DialogOptions) => dialogs.push(options) }),
  useMessage: () => ({ success() {}, warning() {}, error() {} }),
}))

const hooks: ContactCommandHooks = {
  focusSearch() {},
  focusTable() {},
  tableHasKeys: () => true,
  detailsHaveKeys: () => false,
  openAt() {},
  focusNotes() {},
}

beforeEach(() => {
  setActivePinia(createPinia())
  dialogs.length = 0
})

describe('the delete confirmation', () => {
  function askToDelete() {
    useSelectionStore().selectAll([3, 5, 8])
    const commands = useContactCommands(hooks)
    commands.handlers()['contacts.delete']!()
    expect(dialogs).toHaveLength(1)
    expect(dialogs[0]!.title).toBe('Delete 3 contacts?')
    return commands
  }

  it('holds the table keys while it is open: Enter presses its button, Esc cancels and keeps the selection', () => {
    const commands = askToDelete()
    expect(useOverlayStore().isOpen).toBe(true)
    const open = commands.handlers()
    for (const id of ['contact.open', 'selection.clear', 'contacts.delete', 'blacklist.toggle', 'selection.toggle'] as const) expect(open[id]).toBeUndefined()

    dialogs[0]!.onEsc!()
    expect(useOverlayStore().isOpen).toBe(false)
    expect(useSelectionStore().size).toBe(3)
    expect(commands.handlers()['selection.clear']).toBeTypeOf('function')
  })

  it('gives the keys back however it closes', () => {
    for (const close of ['onPositiveClick', 'onNegativeClick', 'onClose', 'onMaskClick', 'onAfterLeave'] as const) {
      dialogs.length = 0
      askToDelete()
      ;(dialogs[0]![close] as (event?: unknown) => void)(new Event('click'))
      expect(useOverlayStore().isOpen, close).toBe(false)
    }
  })

  it('leaves a dialog opened meanwhile alone', () => {
    askToDelete()
    useOverlayStore().open({ kind: 'help' })
    dialogs[0]!.onAfterLeave!()
    expect(useOverlayStore().current).toEqual({ kind: 'help' })
  })
})
