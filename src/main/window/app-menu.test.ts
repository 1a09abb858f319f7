import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { COMMANDS } from '../../shared/keymap'
import { setDesktopLocale } from '../i18n/desktop-text'
import { appMenuTemplate } from './app-menu'

const items = (template: MenuItemConstructorOptions[]) =>
  template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : [])).filter((item) => item.id !== undefined)
const submenu = (template: MenuItemConstructorOptions[], label: string) => template.find((menu) => menu.label === label)?.submenu as MenuItemConstructorOptions[]
/** An Edit menu entry as a word: the command id, the role, or "|" for a separator. */
const entry = (item: MenuItemConstructorOptions) => item.id ?? item.role ?? (item.type === 'separator' ? '|' : '?')

afterEach(() => setDesktopLocale('en'))

describe('app menu', () => {
  it('speaks the app’s language: German menus and labels, the same commands and keys', () => {
    setDesktopLocale('de')
    const template = appMenuTemplate({ run: vi.fn(), isMac: false, devTools: false })
    expect(template.map((menu) => menu.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Kontakte', 'Hilfe'])
    expect(submenu(template, 'Datei').filter((item) => item.id).map((item) => [item.label, item.accelerator])).toEqual([
      ['Neuer Kontakt', undefined],
      ['Importieren…', 'CmdOrCtrl+O'],
      ['Exportieren…', 'CmdOrCtrl+E'],
      ['Jetzt synchronisieren', 'CmdOrCtrl+R'],
      ['Einstellungen…', 'CmdOrCtrl+,'],
    ])
    expect(submenu(template, 'Bearbeiten').slice(0, 2).map((item) => item.label)).toEqual(['Rückgängig', 'Wiederholen'])
    expect(submenu(template, 'Kontakte').find((item) => item.id === 'duplicates.find')?.label).toBe('Duplikate finden…')
    setDesktopLocale('ar')
    expect(appMenuTemplate({ run: vi.fn(), isMac: true, devTools: false }).map((menu) => menu.label)).toEqual([undefined, 'ملف', 'تحرير', 'عرض', 'جهات الاتصال', 'مساعدة'])
  })

  it('has File, Edit, View, Contacts and Help, with every keymap command once, under its menu', () => {
    for (const isMac of [false, true]) {
      const template = appMenuTemplate({ run: vi.fn(), isMac, devTools: false })
      expect(template.filter((menu) => menu.label).map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Contacts', 'Help'])
      expect(items(template).map((item) => item.id).sort()).toEqual(COMMANDS.map((command) => command.id).sort())
      for (const command of COMMANDS) expect(submenu(template, command.menu).some((item) => item.id === command.id), command.id).toBe(true)
    }
    expect(submenu(appMenuTemplate({ run: vi.fn(), isMac: false, devTools: false }), 'Contacts').map((item) => item.label)).toContain('Add tags')
  })

  it('puts Import… and Export… in the File menu and Find Duplicates… in Contacts, with their keys', () => {
    for (const isMac of [false, true]) {
      const template = appMenuTemplate({ run: vi.fn(), isMac, devTools: false })
      const file = submenu(template, 'File').filter((item) => item.id)
      expect(file.map((item) => [item.label, item.accelerator])).toEqual([
        ['New contact', undefined],
        ['Import…', 'CmdOrCtrl+O'],
        ['Export…', 'CmdOrCtrl+E'],
        ['Sync now', 'CmdOrCtrl+R'],
        ['Settings…', 'CmdOrCtrl+,'],
      ])
      expect(submenu(template, 'Contacts').find((item) => item.id === 'duplicates.find')).toMatchObject({ label: 'Find Duplicates…', accelerator: 'CmdOrCtrl+Shift+D' })
    }
  })

  it('opens the Edit menu with Undo, Redo, Cut, Copy, Paste and Select All on every platform', () => {
    for (const isMac of [false, true]) {
      const edit = submenu(appMenuTemplate({ run: vi.fn(), isMac, devTools: false }), 'Edit')
      expect(edit.map(entry)).toEqual([
        'edit.undo',
        'edit.redo',
        '|',
        'cut',
        'copy',
        'paste',
        'selection.all',
        '|',
        'selection.clear',
        'selection.toggle',
        'selection.extendDown',
        'selection.extendUp',
      ])
      expect(edit.slice(0, 7).map((item) => item.label ?? item.role)).toEqual(['Undo', 'Redo', undefined, 'cut', 'copy', 'paste', 'Select All'])
    }
  })

  it('gives Undo, Redo and Select All their keymap accelerators, which macOS always keys (the page keeps them elsewhere)', () => {
    const run = vi.fn()
    const mac = new Map(items(appMenuTemplate({ run, isMac: true, devTools: false })).map((item) => [item.id, item]))
    expect(mac.get('edit.undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z' })
    expect(mac.get('edit.redo')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z' })
    expect(mac.get('selection.all')).toMatchObject({ accelerator: 'CmdOrCtrl+A' })
    // Electron ignores registerAccelerator on macOS; the template does not pretend otherwise.
    for (const item of mac.values()) expect(item, String(item.id)).not.toHaveProperty('registerAccelerator')
    const other = new Map(items(appMenuTemplate({ run, isMac: false, devTools: false })).map((item) => [item.id, item]))
    expect(other.get('edit.undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false })
    expect(other.get('selection.all')).toMatchObject({ accelerator: 'CmdOrCtrl+A', registerAccelerator: false })
    // A click (or the macOS key equivalent) goes to the page, which decides between the field and the app.
    const click = mac.get('selection.all')?.click as () => void
    click()
    expect(run).toHaveBeenCalledWith('selection.all')
  })

  it('shows the keymap accelerators without registering them on Windows and Linux, and runs the command on click', () => {
    const run = vi.fn()
    const template = appMenuTemplate({ run, isMac: false, devTools: false })
    const byId = new Map(items(template).map((item) => [item.id, item]))
    expect(byId.get('palette.open')).toMatchObject({ accelerator: 'CmdOrCtrl+K', registerAccelerator: false })
    expect(byId.get('edit.redo')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false })
    expect(byId.get('tags.add')?.accelerator).toBeUndefined()
    const click = byId.get('tags.add')?.click as () => void
    click()
    expect(run).toHaveBeenCalledWith('tags.add')
  })

  it('adds the macOS app menu, and developer tools only when asked', () => {
    const mac = appMenuTemplate({ run: vi.fn(), isMac: true, devTools: true })
    expect(mac[0]).toEqual({ role: 'appMenu' })
    const view = mac.find((menu) => menu.label === 'View')?.submenu as MenuItemConstructorOptions[]
    expect(view.some((item) => item.role === 'toggleDevTools')).toBe(true)
    const released = appMenuTemplate({ run: vi.fn(), isMac: false, devTools: false })
    const releasedView = released.find((menu) => menu.label === 'View')?.submenu as MenuItemConstructorOptions[]
    expect(releasedView.some((item) => item.role === 'toggleDevTools')).toBe(false)
  })
})
