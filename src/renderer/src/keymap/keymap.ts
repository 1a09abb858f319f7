// The one keymap table: every command with its shortcuts. Handlers, the palette, the help overlay and the app menu read it.

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

export type MenuName = 'File' | 'Edit' | 'View' | 'Contacts' | 'Help'

/** A key with modifiers; `mod` is Cmd on macOS and Ctrl elsewhere. */
export interface Binding {
  key: string
  mod?: boolean
  shift?: boolean
}

export interface Command {
  id: CommandId
  title: string
  bindings: readonly Binding[]
  menu: MenuName
  /** Single-letter shortcuts act on the table; they never fire while typing in a field. */
  whileTyping: boolean
}

const command = (id: CommandId, title: string, menu: MenuName, bindings: Binding[], whileTyping = false): Command => ({
  id,
  title,
  menu,
  bindings,
  whileTyping,
})

export const COMMANDS: readonly Command[] = [
  command('contact.new', 'New contact', 'File', [{ key: 'n' }]),
  command('sync.now', 'Sync now', 'File', [{ key: 'r', mod: true }], true),
  command('edit.undo', 'Undo', 'Edit', [{ key: 'z', mod: true }]),
  command('edit.redo', 'Redo', 'Edit', [{ key: 'z', mod: true, shift: true }]),
  command('selection.all', 'Select all matching contacts', 'Edit', [{ key: 'a', mod: true }]),
  command('selection.clear', 'Clear selection', 'Edit', [{ key: 'Escape' }]),
  command('selection.toggle', 'Select or unselect the focused contact', 'Edit', [{ key: 'x' }, { key: ' ' }]),
  command('selection.extendDown', 'Extend the selection down', 'Edit', [{ key: 'ArrowDown', shift: true }]),
  command('selection.extendUp', 'Extend the selection up', 'Edit', [{ key: 'ArrowUp', shift: true }]),
  command('search.focus', 'Search', 'View', [{ key: '/' }]),
  command('palette.open', 'Command palette', 'View', [{ key: 'k', mod: true }], true),
  command('focus.down', 'Next contact', 'View', [{ key: 'j' }, { key: 'ArrowDown' }]),
  command('focus.up', 'Previous contact', 'View', [{ key: 'k' }, { key: 'ArrowUp' }]),
  command('contact.open', 'Open contact', 'Contacts', [{ key: 'Enter' }]),
  command('contact.edit', 'Edit contact', 'Contacts', [{ key: 'e' }]),
  command('tags.add', 'Add tags', 'Contacts', [{ key: 't' }]),
  command('tags.remove', 'Remove tags', 'Contacts', [{ key: 'T', shift: true }]),
  command('blacklist.toggle', 'Blacklist or unblacklist', 'Contacts', [{ key: 'b' }]),
  command('list.add', 'Add to list', 'Contacts', [{ key: 'l' }]),
  command('segment.add', 'Add to segment', 'Contacts', [{ key: 's' }]),
  command('channel.change', 'Change channel', 'Contacts', [{ key: 'c' }]),
  command('contacts.delete', 'Delete', 'Contacts', [{ key: 'Delete' }, { key: 'Backspace', mod: true }]),
  command('help.open', 'Keyboard shortcuts', 'Help', [{ key: '?', shift: true }]),
]

export type Platform = 'mac' | 'other'

export function currentPlatform(): Platform {
  return typeof navigator !== 'undefined' && /mac/i.test(navigator.platform || navigator.userAgent) ? 'mac' : 'other'
}

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** Letters compare case-insensitively (Shift+T reports "T"); other keys exactly. */
const sameKey = (a: string, b: string) => (a.length === 1 && b.length === 1 ? a.toLowerCase() === b.toLowerCase() : a === b)

function matches(binding: Binding, event: KeyLike, platform: Platform): boolean {
  const mod = platform === 'mac' ? event.metaKey : event.ctrlKey
  const otherMod = platform === 'mac' ? event.ctrlKey : event.metaKey
  if (event.altKey || otherMod || mod !== Boolean(binding.mod)) return false
  // Shift is part of typing "?" or "/" on many layouts: for symbols only the character counts.
  const symbol = binding.key.length === 1 && binding.key.toLowerCase() === binding.key.toUpperCase() && binding.key !== ' '
  if (!symbol && event.shiftKey !== Boolean(binding.shift)) return false
  return sameKey(binding.key, event.key)
}

/** The command a key press means, or null. While typing in a field only `whileTyping` commands count. */
export function commandFor(event: KeyLike, typing: boolean, platform: Platform = currentPlatform()): Command | null {
  for (const candidate of COMMANDS) {
    if (typing && !candidate.whileTyping) continue
    if (candidate.bindings.some((binding) => matches(binding, event, platform))) return candidate
  }
  return null
}

/** True when keys typed at `target` are text: shortcuts other than `whileTyping` ones must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  if (!element || typeof element.tagName !== 'string') return false
  if (element.isContentEditable) return true
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true
  if (element.tagName !== 'INPUT') return false
  const type = (element as HTMLInputElement).type
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type)
}

const KEY_NAMES: Record<string, [mac: string, other: string]> = {
  ' ': ['Space', 'Space'],
  ArrowDown: ['↓', '↓'],
  ArrowUp: ['↑', '↑'],
  Enter: ['↩', 'Enter'],
  Escape: ['Esc', 'Esc'],
  Delete: ['⌦', 'Delete'],
  Backspace: ['⌫', 'Backspace'],
}

/** How a binding is shown: "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere. */
export function formatBinding(binding: Binding, platform: Platform = currentPlatform()): string {
  const named = KEY_NAMES[binding.key]
  const key = named ? named[platform === 'mac' ? 0 : 1] : binding.key.length === 1 ? binding.key.toUpperCase() : binding.key
  const shiftShown = binding.shift && binding.key !== '?'
  if (platform === 'mac') return `${binding.mod ? '⌘' : ''}${shiftShown ? '⇧' : ''}${key}`
  return [binding.mod ? 'Ctrl' : '', shiftShown ? 'Shift' : '', key].filter(Boolean).join('+')
}

/** Electron's accelerator for the app menu, or null for keys a menu cannot show (plain letters act on the table). */
export function menuAccelerator(binding: Binding): string | null {
  if (!binding.mod) return null
  return ['CmdOrCtrl', binding.shift ? 'Shift' : '', binding.key.toUpperCase()].filter(Boolean).join('+')
}

export function commandById(id: CommandId): Command {
  return COMMANDS.find((candidate) => candidate.id === id) as Command
}
