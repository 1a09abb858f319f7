import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { DialogOptions } from 'naive-ui'
import { useOverlayStore } from './overlay-store'
import { useSelectionStore } from './selection-store'
import { useContactCommands, type ContactCommandHooks } from './use-contact-commands'
import { setAppLocale } from '../../i18n'
import { useBulkStore } from '../bulk'
import { useWorkspaceStore } from '../../workspace/workspace-store'
import type { Workspace } from '../../workspace/workspace'

const dialogs: DialogOptions[] = []
vi.mock(import('naive-ui'), async (importOriginal) => ({
  ...(await importOriginal()),
  useDialog: () => ({ warning: (options: DialogOptions) => dialogs.push(options) }) as unknown as ReturnType<typeof import('naive-ui').useDialog>,
  useMessage: () => ({ success() {}, warning() {}, error() {} }) as unknown as ReturnType<typeof import('naive-ui').useMessage>,
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
afterEach(() => setAppLocale('en'))

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

describe('the delete confirmation in the user’s language', () => {
  /** Opens the confirmation for `ids`, after closing the one asked before. */
  function askToDelete(ids: number[]): DialogOptions {
    useOverlayStore().close()
    useSelectionStore().selectAll(ids)
    useContactCommands(hooks).handlers()['contacts.delete']!()
    return dialogs.at(-1)!
  }

  it('asks in German, with the number written the German way', () => {
    setAppLocale('de')
    const ids = Array.from({ length: 1200 }, (_, i) => i + 1)
    expect(askToDelete(ids).title).toBe('1.200 Kontakte löschen?')
    expect(askToDelete([7]).positiveText).toBe('1 Kontakt löschen')
    expect(dialogs.at(-1)!.negativeText).toBe('Abbrechen')
  })

  it('uses each Russian plural form', () => {
    setAppLocale('ru')
    expect(askToDelete([1]).title).toBe('Удалить 1 контакт?')
    expect(askToDelete([1, 2, 3]).title).toBe('Удалить 3 контакта?')
    expect(askToDelete([1, 2, 3, 4, 5]).title).toBe('Удалить 5 контактов?')
    expect(askToDelete(Array.from({ length: 21 }, (_, i) => i + 1)).content).toMatch(/^21 контакт будет удалён/)
  })

  it('uses the Arabic dual', () => {
    setAppLocale('ar')
    expect(askToDelete([1, 2]).title).toBe('حذف جهتي اتصال؟')
  })
})

describe('a bulk action over the selection', () => {
  it('passes on the query the contacts were picked under, and none for contacts picked otherwise', async () => {
    // Of the mirror, the commands' stores read only the "keep offline first" marks (none here).
    const db = { meta: { get: async () => undefined } } as unknown as Workspace['db']
    useWorkspaceStore().current = { db } as Workspace
    const run = vi.spyOn(useBulkStore(), 'run').mockResolvedValue(null)
    const fair = { text: '', filters: { tag: 'fair' } }
    useSelectionStore().selectAll([3, 5, 8], fair)
    const commands = useContactCommands(hooks)

    await commands.run({ kind: 'addTags', tags: ['called'] })
    await commands.run({ kind: 'addTags', tags: ['called'] }, [3, 99])

    expect(run.mock.calls.map((call) => call[3])).toEqual([fair, null])
  })
})
