// The contacts screen's command handlers: what each keymap command does to the focused or selected contacts.
import { useDialog, useMessage } from 'naive-ui'
import type { ContactRow } from '../../../../shared/contact'
import type { CommandId } from '../../../../shared/keymap'
import { copyText, openReachLink, type ReachKind, reachLinks } from '../contact-details'
import type { ShortcutHandlers } from '../shortcuts'
import { type BulkAction, useBulkStore } from '../bulk'
import { chooseImportFile, useImportStore } from '../import-export'
import { useContactsStore } from './contacts-store'
import { useKeepOfflineStore } from './keep-offline-store'
import { useOverlayStore } from './overlay-store'
import { useSelectionStore } from './selection-store'
import { useSyncStore } from '../pending'
import { useCopyDiagnostics } from '../support'
import { useWorkspaceStore } from '../../workspace/workspace-store'
import type { SelectionOrigin } from '../../sync/outbox'
import { liveText, t } from '../../i18n'

export interface ContactCommandHooks {
  focusSearch(): void
  focusTable(): void
  /** True when keys go to the table (or to nothing in particular): single-key commands act only then. */
  tableHasKeys(): boolean
  /** True when keys go to the open contact's panel, outside its text fields. */
  detailsHaveKeys(): boolean
  openAt(index: number): void
  /** Puts the keys in the open contact's note box (once its panel is there). */
  focusNotes(): void
}

export function useContactCommands(hooks: ContactCommandHooks) {
  const workspaceStore = useWorkspaceStore()
  const contacts = useContactsStore()
  const selection = useSelectionStore()
  const overlay = useOverlayStore()
  const bulk = useBulkStore()
  const sync = useSyncStore()
  const keepOffline = useKeepOfflineStore()
  const dialog = useDialog()
  const message = useMessage()
  const importer = useImportStore()
  const copySupportText = useCopyDiagnostics()

  /** The selection, or the focused contact when nothing is selected. */
  function targets(): number[] {
    if (selection.size) return [...selection.ids]
    const focused = contacts.rowAt(contacts.focusIndex)
    return focused ? [focused.id] : []
  }

  /** What the table shows now: the search and filters a pick is made under. */
  function shown(): SelectionOrigin {
    return { text: contacts.text, filters: { ...contacts.filters } }
  }

  async function run(action: BulkAction, ids: number[] = targets()): Promise<void> {
    const workspace = workspaceStore.current
    if (!workspace || ids.length === 0) return
    // The selected contacts were picked under a query: replay rebases them from its list pages.
    const origin = ids.length > 1 && ids.every((id) => selection.has(id)) ? selection.origin : null
    const outcome = await bulk.run(workspace.db, ids, action, origin)
    if (outcome?.action.kind === 'delete') selection.remove(outcome.changed.map((before) => before.id))
  }

  function openPicker(kind: 'list' | 'segment' | 'channel' | 'tags', mode: 'add' | 'remove' = 'add'): void {
    const ids = targets()
    if (ids.length === 0) return
    overlay.open(kind === 'tags' ? { kind, mode } : { kind }, ids)
  }

  /** `b`: blacklists the targets, or unblacklists them when every one already is. */
  async function toggleBlacklist(): Promise<void> {
    const workspace = workspaceStore.current
    const ids = targets()
    if (!workspace || ids.length === 0) return
    const rows = await workspace.db.contacts.bulkGet(ids)
    const allBlacklisted = rows.every((row) => row?.blacklisted === true)
    await run({ kind: 'setBlacklisted', blacklisted: !allBlacklisted }, ids)
  }

  /**
   * Delete asks first. The dialog is an overlay like the pickers, so while it is open the table's
   * keys wait: Enter presses the focused button (not "open contact"), Esc cancels without clearing the selection.
   */
  function confirmDelete(): void {
    const ids = targets()
    if (ids.length === 0) return
    const count = ids.length
    const confirming = { kind: 'confirm' } as const
    overlay.open(confirming, ids)
    const settle = () => {
      if (overlay.current === confirming) overlay.close()
    }
    dialog.warning({
      title: t('contacts.delete.title', { count }),
      content: t('contacts.delete.content', { count }),
      positiveText: t('contacts.delete.confirm', { count }),
      negativeText: t('contacts.delete.cancel'),
      autoFocus: true,
      onPositiveClick: () => {
        settle()
        void run({ kind: 'delete' }, ids)
      },
      onNegativeClick: settle,
      onClose: settle,
      onEsc: settle,
      onMaskClick: settle,
      onAfterLeave: settle,
    })
  }

  /** The contact a one-contact command acts on: the opened one, else the focused row, as the mirror holds it. */
  async function subject(): Promise<ContactRow | undefined> {
    const workspace = workspaceStore.current
    const id = contacts.openId ?? contacts.rowAt(contacts.focusIndex)?.id
    if (!workspace || id === undefined) return undefined
    return workspace.db.contacts.get(id)
  }

  async function edit(): Promise<void> {
    const row = await subject()
    if (row) overlay.open({ kind: 'form', contact: row })
  }

  async function reach(kind: ReachKind): Promise<void> {
    const row = await subject()
    if (!row) return
    const link = reachLinks(row).find((candidate) => candidate.kind === kind)
    if (!link?.url) {
      message.warning(link?.missing ?? liveText('contacts.reach.unavailable'))
      return
    }
    const opened = await openReachLink(link.url)
    if (!opened.ok) message.error(liveText('contacts.reach.failed', { reason: opened.error.message }))
  }

  async function copy(field: 'phone' | 'email'): Promise<void> {
    const value = (await subject())?.[field]
    if (!value) {
      message.warning(liveText(field === 'phone' ? 'contacts.copy.no-phone' : 'contacts.copy.no-email'))
      return
    }
    const copied = await copyText(value)
    if (copied.ok) message.success(liveText('contacts.copy.done', { value }))
    else message.error(copied.error.message)
  }

  /** Shows the import dialog reading `file` (chosen, or dropped on the window). */
  function importFile(file: File): void {
    const workspace = workspaceStore.current
    if (!workspace || overlay.isOpen) return
    overlay.open({ kind: 'import' })
    void importer.start(file, { accountId: workspace.accountId, db: workspace.db })
  }

  /**
   * The file chooser opens from the key press itself: the browser asks for a user gesture. An app menu
   * click reaches the page without one, so the import opens first and offers its own "Choose a file".
   */
  async function chooseFile(): Promise<void> {
    const workspace = workspaceStore.current
    if (!workspace) return
    if (navigator.userActivation && !navigator.userActivation.isActive) {
      overlay.open({ kind: 'import' })
      importer.begin({ accountId: workspace.accountId, db: workspace.db })
      return
    }
    const file = await chooseImportFile()
    if (file) importFile(file)
  }

  /** Commands of the whole screen (import, export, duplicates): with the table or a contact open, not over another dialog. */
  const screen: ShortcutHandlers = {
    'contacts.import': () => void chooseFile(),
    'contacts.export': () => overlay.open({ kind: 'export' }),
    'duplicates.find': () => overlay.open({ kind: 'duplicates' }),
    'filters.keepOffline': () => void keepOffline.toggleCurrent(),
  }

  /** Commands about one contact: they work in the table and with the contact open. */
  const oneContact: Partial<Record<CommandId, () => void>> = {
    'contact.edit': () => void edit(),
    'reach.whatsapp': () => void reach('whatsapp'),
    'reach.telegram': () => void reach('telegram'),
    'reach.instagram': () => void reach('instagram'),
    'reach.call': () => void reach('call'),
    'reach.email': () => void reach('email'),
    'copy.phone': () => void copy('phone'),
    'copy.email': () => void copy('email'),
    'note.add': () => {
      if (contacts.openId === null) hooks.openAt(contacts.focusIndex)
      hooks.focusNotes()
    },
  }

  async function selectAllMatching(): Promise<void> {
    const search = workspaceStore.current?.search
    if (!search) return
    const under = shown()
    selection.selectAll(await search.allIds(under.text, { ...under.filters }), under)
  }

  async function idsBetween(start: number, end: number): Promise<number[]> {
    const search = workspaceStore.current?.search
    if (!search) return []
    return (await search.allIds(contacts.text, { ...contacts.filters })).slice(start, end + 1)
  }

  function toggleAt(index: number): void {
    const row = contacts.rowAt(index)
    if (row) selection.toggle(row.id, index, shown())
  }

  function extend(step: number): void {
    const from = contacts.focusIndex
    contacts.focus(from + step)
    void selection.selectRange(from, contacts.focusIndex, idsBetween, shown())
  }

  function step(by: number): void {
    contacts.focus(contacts.focusIndex + by)
    hooks.focusTable()
  }

  /**
   * Every command the screen offers now; table commands wait while a drawer or dialog is open.
   * The palette asks `ignoringOverlay`: it closes itself before running the command.
   */
  function handlers(ignoringOverlay = false): ShortcutHandlers {
    const always: ShortcutHandlers = {
      'search.focus': hooks.focusSearch,
      'palette.open': () => overlay.open({ kind: 'palette' }),
      'help.open': () => overlay.open({ kind: 'help' }),
      'edit.undo': () => void bulk.undo(),
      'edit.redo': () => void bulk.redo(),
      'sync.now': () => sync.syncNow(),
      'settings.open': () => overlay.open({ kind: 'settings' }),
      'app.copyDiagnostics': () => void copySupportText(),
    }
    if (!ignoringOverlay && overlay.isOpen) return always
    if (!ignoringOverlay && contacts.openId !== null) return { ...always, ...screen, ...(hooks.detailsHaveKeys() ? oneContact : {}) }
    if (!ignoringOverlay && !hooks.tableHasKeys()) return { ...always, ...screen }
    return {
      ...always,
      ...screen,
      ...oneContact,
      'contact.new': () => overlay.open({ kind: 'form', contact: null }),
      'focus.down': () => step(1),
      'focus.up': () => step(-1),
      'selection.toggle': () => toggleAt(contacts.focusIndex),
      'selection.extendDown': () => extend(1),
      'selection.extendUp': () => extend(-1),
      'selection.all': () => void selectAllMatching(),
      'selection.clear': () => selection.clear(),
      'contact.open': () => hooks.openAt(contacts.focusIndex),
      'tags.add': () => openPicker('tags', 'add'),
      'tags.remove': () => openPicker('tags', 'remove'),
      'blacklist.toggle': () => void toggleBlacklist(),
      'list.add': () => openPicker('list'),
      'segment.add': () => openPicker('segment'),
      'channel.change': () => openPicker('channel'),
      'contacts.delete': confirmDelete,
    }
  }

  return { handlers, run, toggleAt, idsBetween, shown, targets, edit, importFile }
}
