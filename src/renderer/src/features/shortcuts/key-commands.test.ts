import { describe, expect, it } from 'vitest'
import { COMMANDS, commandFor, formatBinding, isTypingTarget, menuAccelerator, type KeyLike } from './key-commands'

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods })
const id = (event: KeyLike, typing = false, platform: 'mac' | 'other' = 'other') => commandFor(event, typing, platform)?.id ?? null

describe('keymap', () => {
  it('maps letters and named keys to their commands', () => {
    expect(id(press('j'))).toBe('focus.down')
    expect(id(press('ArrowUp'))).toBe('focus.up')
    expect(id(press('x'))).toBe('selection.toggle')
    expect(id(press(' '))).toBe('selection.toggle')
    expect(id(press('t'))).toBe('tags.add')
    expect(id(press('T', { shiftKey: true }))).toBe('tags.remove')
    expect(id(press('ArrowDown', { shiftKey: true }))).toBe('selection.extendDown')
    expect(id(press('?', { shiftKey: true }))).toBe('help.open')
    expect(id(press('/'))).toBe('search.focus')
    // Layouts that need Shift for a symbol (German "/" is Shift+7) or not ("?" on some) both work.
    expect(id(press('/', { shiftKey: true }))).toBe('search.focus')
    expect(id(press('?'))).toBe('help.open')
    expect(id(press(' ', { shiftKey: true }))).toBeNull()
    expect(id(press('q'))).toBeNull()
  })

  it('uses Cmd on macOS and Ctrl elsewhere, and never the other one', () => {
    expect(id(press('k', { ctrlKey: true }))).toBe('palette.open')
    expect(id(press('k', { metaKey: true }))).toBeNull()
    expect(id(press('k', { metaKey: true }), false, 'mac')).toBe('palette.open')
    expect(id(press('k', { ctrlKey: true }), false, 'mac')).toBeNull()
    expect(id(press('z', { ctrlKey: true, shiftKey: true }))).toBe('edit.redo')
    expect(id(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('edit.redo')
    expect(id(press('z', { ctrlKey: true }))).toBe('edit.undo')
    // Alt combinations belong to the system and the layout (AltGr characters).
    expect(id(press('t', { altKey: true }))).toBeNull()
  })

  it('fires only modifier shortcuts meant for it while typing in a field', () => {
    expect(id(press('t'), true)).toBeNull()
    expect(id(press('/'), true)).toBeNull()
    expect(id(press('a', { ctrlKey: true }), true)).toBeNull()
    expect(id(press('k', { ctrlKey: true }), true)).toBe('palette.open')
    expect(id(press('r', { ctrlKey: true }), true)).toBe('sync.now')
  })

  it('leaves Undo, Redo and Select All keys to a text field, and gives each a menu accelerator for macOS to route', () => {
    const editing = COMMANDS.filter((command) => command.textEdit)
    expect(editing.map((command) => [command.id, command.textEdit])).toEqual([
      ['edit.undo', 'undo'],
      ['edit.redo', 'redo'],
      ['selection.all', 'selectAll'],
    ])
    for (const command of editing) {
      expect(command.whileTyping, command.id).toBe(false)
      expect(command.bindings.map(menuAccelerator).some(Boolean), command.id).toBe(true)
    }
    expect(id(press('z', { metaKey: true }), true, 'mac')).toBeNull()
    expect(id(press('a', { metaKey: true }), false, 'mac')).toBe('selection.all')
  })

  it('knows which targets take text', () => {
    const element = (tagName: string, extra: object = {}) => ({ tagName, isContentEditable: false, ...extra }) as unknown as EventTarget
    expect(isTypingTarget(element('INPUT', { type: 'text' }))).toBe(true)
    expect(isTypingTarget(element('INPUT', { type: 'checkbox' }))).toBe(false)
    expect(isTypingTarget(element('TEXTAREA'))).toBe(true)
    expect(isTypingTarget(element('DIV', { isContentEditable: true }))).toBe(true)
    expect(isTypingTarget(element('DIV'))).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })

  it('shows shortcuts the way each platform writes them, and gives the menu its accelerators', () => {
    expect(formatBinding({ key: 'z', mod: true, shift: true }, 'mac')).toBe('⌘⇧Z')
    expect(formatBinding({ key: 'z', mod: true, shift: true }, 'other')).toBe('Ctrl+Shift+Z')
    expect(formatBinding({ key: ' ' }, 'other')).toBe('Space')
    expect(formatBinding({ key: '?', shift: true }, 'other')).toBe('?')
    expect(formatBinding({ key: 'T', shift: true }, 'mac')).toBe('⇧T')
    expect(formatBinding({ key: 'T', shift: true }, 'other')).toBe('Shift+T')
    expect(menuAccelerator({ key: 'k', mod: true })).toBe('CmdOrCtrl+K')
    expect(menuAccelerator({ key: 't' })).toBeNull()
  })

  it('gives every command a title, a menu and a binding (but the rare menu-only ones), and no binding to two commands', () => {
    const seen = new Map<string, string>()
    for (const command of COMMANDS) {
      expect(command.title).not.toBe('')
      if (command.id !== 'app.copyDiagnostics') expect(command.bindings.length, command.id).toBeGreaterThan(0)
      for (const binding of command.bindings) {
        const key = `${binding.mod ? 'mod+' : ''}${binding.shift ? 'shift+' : ''}${binding.key.toLowerCase()}`
        expect(seen.get(key), `${key} is bound twice`).toBeUndefined()
        seen.set(key, command.id)
      }
    }
  })
})
