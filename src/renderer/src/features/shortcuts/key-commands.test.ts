import { describe, expect, it } from 'vitest'
import { COMMANDS, commandFor, formatBinding, isTypingTarget, menuAccelerator, type KeyLike } from './key-commands'

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods })

/**
 * What each layout's keys send (key, code), as Chromium reports them: the J, K, X and T keys, Shift+T,
 * and the key right of the full stop (US "/"). Hebrew types Latin capitals with Shift.
 */
const LAYOUTS = {
  russian: { j: 'о', k: 'л', x: 'ч', t: 'е', T: 'Е', slash: '.' },
  greek: { j: 'ξ', k: 'κ', x: 'χ', t: 'τ', T: 'Τ', slash: '/' },
  arabic: { j: 'ت', k: 'ن', x: 'ء', t: 'ف', T: 'لإ', slash: 'ظ' },
  hebrew: { j: 'ח', k: 'ל', x: 'ס', t: 'א', T: 'T', slash: '.' },
} as const
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

  it.each(Object.entries(LAYOUTS))('on a %s layout, falls back to the physical key when the typed character is not Latin', (_, keys) => {
    expect(id(press(keys.j, { code: 'KeyJ' }))).toBe('focus.down')
    expect(id(press(keys.k, { code: 'KeyK' }))).toBe('focus.up')
    expect(id(press(keys.x, { code: 'KeyX' }))).toBe('selection.toggle')
    expect(id(press(keys.t, { code: 'KeyT' }))).toBe('tags.add')
    expect(id(press(keys.T, { code: 'KeyT', shiftKey: true }))).toBe('tags.remove')
    expect(id(press(keys.k, { code: 'KeyK', ctrlKey: true }))).toBe('palette.open')
    expect(id(press(keys.k, { code: 'KeyK', metaKey: true }), false, 'mac')).toBe('palette.open')
    // Still never while typing in a field, but for the keys meant for it.
    expect(id(press(keys.j, { code: 'KeyJ' }), true)).toBeNull()
    expect(id(press(keys.k, { code: 'KeyK', ctrlKey: true }), true)).toBe('palette.open')
  })

  it('lets the typed key win: a Latin layout means the letter it typed, wherever its key is', () => {
    // AZERTY: the key printed A sits where US has Q; it types "a" and means `a`.
    expect(id(press('a', { code: 'KeyQ' }))).toBe('note.add')
    expect(id(press('q', { code: 'KeyA' }))).toBeNull()
    // German: "ö" on the US ";" key is a Latin letter the user typed, not a shortcut; Shift+7 types "/".
    expect(id(press('ö', { code: 'Semicolon' }))).toBeNull()
    expect(id(press('/', { code: 'Digit7', shiftKey: true }))).toBe('search.focus')
    // Russian types "." on the US "/" key: a typed ASCII character, so no fallback.
    expect(id(press(LAYOUTS.russian.slash, { code: 'Slash' }))).toBeNull()
    // Arabic types letters there: "ظ" on the "/" key is `/`, "؟" (Shift) is `?`.
    expect(id(press(LAYOUTS.arabic.slash, { code: 'Slash' }))).toBe('search.focus')
    expect(id(press('؟', { code: 'Slash', shiftKey: true }))).toBe('help.open')
    // A non-Latin character on a key no shortcut uses does nothing; no code, no fallback.
    expect(id(press('щ', { code: 'KeyO' }))).toBeNull()
    expect(id(press('о'))).toBeNull()
  })

  it('shows a key as the user\'s keyboard prints it when the layout types another script there', () => {
    const russian = new Map([
      ['KeyJ', 'о'],
      ['KeyK', 'л'],
      ['KeyT', 'е'],
      ['Slash', '.'],
    ])
    expect(formatBinding({ key: 'j' }, 'other', russian)).toBe('J (О)')
    expect(formatBinding({ key: 'k', mod: true }, 'other', russian)).toBe('Ctrl+K (Л)')
    expect(formatBinding({ key: 'k', mod: true }, 'mac', russian)).toBe('⌘K (Л)')
    expect(formatBinding({ key: 'T', shift: true }, 'other', russian)).toBe('Shift+T (Е)')
    expect(formatBinding({ key: '/' }, 'other', russian)).toBe('/')
    expect(formatBinding({ key: '/' }, 'other', new Map([['Slash', 'ظ']]))).toBe('/ (ظ)')
    expect(formatBinding({ key: '?', shift: true }, 'other', new Map([['Slash', 'ظ']]))).toBe('?')
    // A Latin layout (AZERTY: the A key of US types q) shows the keymap's letter alone; so does no layout at all.
    expect(formatBinding({ key: 'a' }, 'other', new Map([['KeyA', 'q']]))).toBe('A')
    expect(formatBinding({ key: 'j' }, 'other', null)).toBe('J')
    expect(formatBinding({ key: 'ArrowDown' }, 'other', russian)).toBe('↓')
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

  /** Commands reached through the palette and the menu alone: rare enough to spare a key. */
  const MENU_ONLY = new Set(['app.copyDiagnostics', 'filters.keepOffline'])

  it('gives every command a title, a menu and a binding (but the rare menu-only ones), and no binding to two commands', () => {
    const seen = new Map<string, string>()
    for (const command of COMMANDS) {
      expect(command.titleKey).toBe(`shared.command.${command.id}`)
      if (!MENU_ONLY.has(command.id)) expect(command.bindings.length, command.id).toBeGreaterThan(0)
      for (const binding of command.bindings) {
        const key = `${binding.mod ? 'mod+' : ''}${binding.shift ? 'shift+' : ''}${binding.key.toLowerCase()}`
        expect(seen.get(key), `${key} is bound twice`).toBeUndefined()
        seen.set(key, command.id)
      }
    }
  })
})
