// The app menu (File, Edit, View, Contacts, Help) built from the keymap table: same titles, same accelerators.
import type { MenuItemConstructorOptions } from 'electron'
import { COMMANDS, menuAccelerator, type CommandId, type MenuName } from '../../shared/keymap'

const MENUS: readonly MenuName[] = ['File', 'Edit', 'View', 'Contacts', 'Help']

export interface MenuOptions {
  /** A menu click: the page runs the command as if its keys were pressed. */
  run: (id: CommandId) => void
  isMac: boolean
  /** Developer tools only in an unpackaged app. */
  devTools: boolean
}

/**
 * Accelerators are shown but not registered: keys reach the page, whose keymap knows when the
 * user is typing (Ctrl+Z in a text field undoes the typing, not the last bulk action).
 */
export function appMenuTemplate({ run, isMac, devTools }: MenuOptions): MenuItemConstructorOptions[] {
  const commandItems = (menu: MenuName): MenuItemConstructorOptions[] =>
    COMMANDS.filter((command) => command.menu === menu).map((command) => {
      const accelerator = command.bindings.map(menuAccelerator).find((candidate) => candidate !== null)
      return {
        id: command.id,
        label: command.title,
        ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
        click: () => run(command.id),
      }
    })
  const extras: Record<MenuName, MenuItemConstructorOptions[]> = {
    File: [{ type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
    Edit: [{ type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }],
    View: [{ type: 'separator' }, { role: 'togglefullscreen' }, ...(devTools ? [{ role: 'toggleDevTools' } as const] : [])],
    Contacts: [],
    Help: [],
  }
  const menus = MENUS.map((menu) => ({ label: menu, submenu: [...commandItems(menu), ...extras[menu]] }))
  return isMac ? [{ role: 'appMenu' }, ...menus] : menus
}
