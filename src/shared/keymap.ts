// The one keymap table: every command with its shortcuts and its title's catalog key. Page handlers, the palette, the help
// overlay and main's app menu read it, and show the titles in the app's language.

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
  | 'filters.keepOffline'
  | 'settings.open'
  | 'app.copyDiagnostics'

export type MenuName = 'File' | 'Edit' | 'View' | 'Contacts' | 'Help'

/** Each menu's name in the catalogs (src/shared/messages), in the menu bar's order. */
export const MENU_TITLE_KEYS: Readonly<Record<MenuName, string>> = {
  File: 'shared.menu.file',
  Edit: 'shared.menu.edit',
  View: 'shared.menu.view',
  Contacts: 'shared.menu.contacts',
  Help: 'shared.menu.help',
}

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
  /** The title's catalog key (src/shared/messages): the palette, the help and the menu show it in the app's language. */
  titleKey: `shared.command.${CommandId}`
  bindings: readonly Binding[]
  menu: MenuName
  /** Single-letter shortcuts act on the table; they never fire while typing in a field. */
  whileTyping: boolean
  /** In a text field the command's keys and menu item do this editing instead (Cmd+Z undoes the typing). */
  textEdit?: TextEdit
  /** The app menu label's catalog key, when the label differs from the title. */
  menuLabelKey?: `shared.command.${CommandId}.menu`
}

interface CommandOptions {
  whileTyping?: boolean
  textEdit?: TextEdit
  menuLabelKey?: Command['menuLabelKey']
}

const command = (id: CommandId, titleKey: Command['titleKey'], menu: MenuName, bindings: Binding[], options: CommandOptions = {}): Command => ({
  id,
  titleKey,
  menu,
  bindings,
  whileTyping: false,
  ...options,
})

export const COMMANDS: readonly Command[] = [
  command('contact.new', 'shared.command.contact.new', 'File', [{ key: 'n' }]),
  command('contacts.import', 'shared.command.contacts.import', 'File', [{ key: 'o', mod: true }], { whileTyping: true, menuLabelKey: 'shared.command.contacts.import.menu' }),
  command('contacts.export', 'shared.command.contacts.export', 'File', [{ key: 'e', mod: true }], { whileTyping: true, menuLabelKey: 'shared.command.contacts.export.menu' }),
  command('sync.now', 'shared.command.sync.now', 'File', [{ key: 'r', mod: true }], { whileTyping: true }),
  command('settings.open', 'shared.command.settings.open', 'File', [{ key: ',', mod: true }], { whileTyping: true, menuLabelKey: 'shared.command.settings.open.menu' }),
  command('edit.undo', 'shared.command.edit.undo', 'Edit', [{ key: 'z', mod: true }], { textEdit: 'undo' }),
  command('edit.redo', 'shared.command.edit.redo', 'Edit', [{ key: 'z', mod: true, shift: true }], { textEdit: 'redo' }),
  command('selection.all', 'shared.command.selection.all', 'Edit', [{ key: 'a', mod: true }], { textEdit: 'selectAll', menuLabelKey: 'shared.command.selection.all.menu' }),
  command('selection.clear', 'shared.command.selection.clear', 'Edit', [{ key: 'Escape' }]),
  command('selection.toggle', 'shared.command.selection.toggle', 'Edit', [{ key: 'x' }, { key: ' ' }]),
  command('selection.extendDown', 'shared.command.selection.extendDown', 'Edit', [{ key: 'ArrowDown', shift: true }]),
  command('selection.extendUp', 'shared.command.selection.extendUp', 'Edit', [{ key: 'ArrowUp', shift: true }]),
  command('search.focus', 'shared.command.search.focus', 'View', [{ key: '/' }]),
  command('palette.open', 'shared.command.palette.open', 'View', [{ key: 'k', mod: true }], { whileTyping: true }),
  command('focus.down', 'shared.command.focus.down', 'View', [{ key: 'j' }, { key: 'ArrowDown' }]),
  command('focus.up', 'shared.command.focus.up', 'View', [{ key: 'k' }, { key: 'ArrowUp' }]),
  command('contact.open', 'shared.command.contact.open', 'Contacts', [{ key: 'Enter' }]),
  command('contact.edit', 'shared.command.contact.edit', 'Contacts', [{ key: 'e' }]),
  command('note.add', 'shared.command.note.add', 'Contacts', [{ key: 'a' }]),
  command('tags.add', 'shared.command.tags.add', 'Contacts', [{ key: 't' }]),
  command('tags.remove', 'shared.command.tags.remove', 'Contacts', [{ key: 'T', shift: true }]),
  command('blacklist.toggle', 'shared.command.blacklist.toggle', 'Contacts', [{ key: 'b' }]),
  command('list.add', 'shared.command.list.add', 'Contacts', [{ key: 'l' }]),
  command('segment.add', 'shared.command.segment.add', 'Contacts', [{ key: 's' }]),
  command('channel.change', 'shared.command.channel.change', 'Contacts', [{ key: 'c' }]),
  command('contacts.delete', 'shared.command.contacts.delete', 'Contacts', [{ key: 'Delete' }, { key: 'Backspace', mod: true }]),
  command('reach.whatsapp', 'shared.command.reach.whatsapp', 'Contacts', [{ key: 'w' }]),
  command('reach.telegram', 'shared.command.reach.telegram', 'Contacts', [{ key: 'g' }]),
  command('reach.instagram', 'shared.command.reach.instagram', 'Contacts', [{ key: 'i' }]),
  command('reach.call', 'shared.command.reach.call', 'Contacts', [{ key: 'p' }]),
  command('reach.email', 'shared.command.reach.email', 'Contacts', [{ key: 'm' }]),
  command('copy.phone', 'shared.command.copy.phone', 'Contacts', [{ key: 'y' }]),
  command('copy.email', 'shared.command.copy.email', 'Contacts', [{ key: 'Y', shift: true }]),
  command('duplicates.find', 'shared.command.duplicates.find', 'Contacts', [{ key: 'd', mod: true, shift: true }], { whileTyping: true, menuLabelKey: 'shared.command.duplicates.find.menu' }),
  command('filters.keepOffline', 'shared.command.filters.keepOffline', 'Contacts', []),
  command('help.open', 'shared.command.help.open', 'Help', [{ key: '?', shift: true }]),
  command('app.copyDiagnostics', 'shared.command.app.copyDiagnostics', 'Help', [], { menuLabelKey: 'shared.command.app.copyDiagnostics.menu' }),
]

/** Electron's accelerator for the app menu, or null for keys a menu cannot show (plain letters act on the table). */
export function menuAccelerator(binding: Binding): string | null {
  if (!binding.mod) return null
  return ['CmdOrCtrl', binding.shift ? 'Shift' : '', binding.key.toUpperCase()].filter(Boolean).join('+')
}
