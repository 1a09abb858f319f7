import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { COMMANDS } from '../../shared/keymap'
import { appMenuTemplate } from './app-menu'

const items = (template: MenuItemConstructorOptions[]) =>
  template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : [])).filter((item) => item.id !== undefined)

describe('app menu', () => {
  it('has File, Edit, View, Contacts and Help, with every keymap command under its menu', () => {
    const template = appMenuTemplate({ run: vi.fn(), isMac: false, devTools: false })
    expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Contacts', 'Help'])
    expect(items(template).map((item) => item.id).sort()).toEqual(COMMANDS.map((command) => command.id).sort())
    const contacts = template.find((menu) => menu.label === 'Contacts')?.submenu as MenuItemConstructorOptions[]
    expect(contacts.map((item) => item.label)).toContain('Add tags')
  })

  it('shows the keymap accelerators without registering them, and runs the command on click', () => {
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
