// The one keymap table: every command with its shortcuts. Page handlers, the palette, the help overlay and main's app menu read it.

export type CommandId =
  | 'search.focus'
  | 'palette.open'
  | 'help.open'
  | 'focus.down'
  | 'focus.up'
  | 'selection.toggle'
  | 'selection.extendDown'
  | 'selection.extendUp'
  | 'selection.all'
  | 'selection.clear'
  | 'contact.open'
  | 'contact.new'
  | 'contact.edit'
  | 'tags.add'
  | 'tags.remove'
  | 'blacklist.toggle'
  | 'list.add'
  | 'segment.add'
  | 'channel.change'
  | 'contacts.delete'
  | 'edit.undo'
  | 'edit.redo'
  | 'sync.now'
  | 'reach.whatsapp'
  | 'reach.telegram'
  | 'reach.instagram'
  | 'reach.call'
  | 'reach.email'
  | 'copy.phone'
  | 'copy.email'
  | 'note.add'
  | 'contacts.import'
  | 'contacts.export'
  | 'duplicates.find'
  | 'settings.open'
  | 'app.copyDiagnostics'

export type MenuName = 'File' | 'Edit' | 'View' | 'Contacts' | 'Help'

/** A key with modifiers; `mod` is Cmd on macOS and Ctrl elsewhere. */
export interface Binding {
  key: string
  mod?: boolean
  shift?: boolean
}

/** A text field's own editing, named as `document.execCommand` and Electron's menu roles name it. */
export type TextEdit = 'undo' | 'redo' | 'selectAll'

export interface Command {
  id: CommandId
  title: string
  bindings: readonly Binding[]
  menu: MenuName
  /** Single-letter shortcuts act on the table; they never fire while typing in a field. */
  whileTyping: boolean
  /** In a text field the command's keys and menu item do this editing instead (Cmd+Z undoes the typing). */
  textEdit?: TextEdit
  /** The app menu's label, when it differs from `title`. */
  menuLabel?: string
}

interface CommandOptions {
  whileTyping?: boolean
  textEdit?: TextEdit
  menuLabel?: string
}

const command = (id: CommandId, title: string, menu: MenuName, bindings: Binding[], options: CommandOptions = {}): Command => ({
  id,
  title,
  menu,
  bindings,
  whileTyping: false,
  ...options,
})

export const COMMANDS: readonly Command[] = [
  command('contact.new', 'New contact', 'File', [{ key: 'n' }]),
  command('contacts.import', 'Import contacts from CSV or vCard', 'File', [{ key: 'o', mod: true }], { whileTyping: true, menuLabel: 'Import…' }),
  command('contacts.export', 'Export contacts to CSV or vCard', 'File', [{ key: 'e', mod: true }], { whileTyping: true, menuLabel: 'Export…' }),
  command('sync.now', 'Sync now', 'File', [{ key: 'r', mod: true }], { whileTyping: true }),
  command('settings.open', 'Settings', 'File', [{ key: ',', mod: true }], { whileTyping: true, menuLabel: 'Settings…' }),
  command('edit.undo', 'Undo', 'Edit', [{ key: 'z', mod: true }], { textEdit: 'undo' }),
  command('edit.redo', 'Redo', 'Edit', [{ key: 'z', mod: true, shift: true }], { textEdit: 'redo' }),
  command('selection.all', 'Select all matching contacts', 'Edit', [{ key: 'a', mod: true }], { textEdit: 'selectAll', menuLabel: 'Select All' }),
  command('selection.clear', 'Clear selection', 'Edit', [{ key: 'Escape' }]),
  command('selection.toggle', 'Select or unselect the focused contact', 'Edit', [{ key: 'x' }, { key: ' ' }]),
  command('selection.extendDown', 'Extend the selection down', 'Edit', [{ key: 'ArrowDown', shift: true }]),
  command('selection.extendUp', 'Extend the selection up', 'Edit', [{ key: 'ArrowUp', shift: true }]),
  command('search.focus', 'Search', 'View', [{ key: '/' }]),
  command('palette.open', 'Command palette', 'View', [{ key: 'k', mod: true }], { whileTyping: true }),
  command('focus.down', 'Next contact', 'View', [{ key: 'j' }, { key: 'ArrowDown' }]),
  command('focus.up', 'Previous contact', 'View', [{ key: 'k' }, { key: 'ArrowUp' }]),
  command('contact.open', 'Open contact', 'Contacts', [{ key: 'Enter' }]),
  command('contact.edit', 'Edit contact', 'Contacts', [{ key: 'e' }]),
  command('note.add', 'Add a note', 'Contacts', [{ key: 'a' }]),
  command('tags.add', 'Add tags', 'Contacts', [{ key: 't' }]),
  command('tags.remove', 'Remove tags', 'Contacts', [{ key: 'T', shift: true }]),
  command('blacklist.toggle', 'Blacklist or unblacklist', 'Contacts', [{ key: 'b' }]),
  command('list.add', 'Add to list', 'Contacts', [{ key: 'l' }]),
  command('segment.add', 'Add to segment', 'Contacts', [{ key: 's' }]),
  command('channel.change', 'Change channel', 'Contacts', [{ key: 'c' }]),
  command('contacts.delete', 'Delete', 'Contacts', [{ key: 'Delete' }, { key: 'Backspace', mod: true }]),
  command('reach.whatsapp', 'Open in WhatsApp', 'Contacts', [{ key: 'w' }]),
  command('reach.telegram', 'Open in Telegram', 'Contacts', [{ key: 'g' }]),
  command('reach.instagram', 'Open in Instagram', 'Contacts', [{ key: 'i' }]),
  command('reach.call', 'Call', 'Contacts', [{ key: 'p' }]),
  command('reach.email', 'Send an email', 'Contacts', [{ key: 'm' }]),
  command('copy.phone', 'Copy phone number', 'Contacts', [{ key: 'y' }]),
  command('copy.email', 'Copy email address', 'Contacts', [{ key: 'Y', shift: true }]),
  command('duplicates.find', 'Find duplicates', 'Contacts', [{ key: 'd', mod: true, shift: true }], { whileTyping: true, menuLabel: 'Find Duplicates…' }),
  command('help.open', 'Keyboard shortcuts', 'Help', [{ key: '?', shift: true }]),
  command('app.copyDiagnostics', 'Copy diagnostics (for support)', 'Help', [], { menuLabel: 'Copy Diagnostics' }),
]

/** Electron's accelerator for the app menu, or null for keys a menu cannot show (plain letters act on the table). */
export function menuAccelerator(binding: Binding): string | null {
  if (!binding.mod) return null
  return ['CmdOrCtrl', binding.shift ? 'Shift' : '', binding.key.toUpperCase()].filter(Boolean).join('+')
}
