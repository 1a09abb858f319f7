// The app menu (File, Edit, View, Contacts, Help) built from the keymap table: same titles, same accelerators, in the
// language main speaks (built again when it changes).
import type { MenuItemConstructorOptions } from 'electron'
import { COMMANDS, MENU_TITLE_KEYS, menuAccelerator, type Command, type CommandId, type MenuName, type TextEdit } from '../../shared/keymap'
import { desktopText } from '../i18n/desktop-text'

export interface MenuOptions {
  /** A menu click: the page runs the command as if its keys were pressed. */
  run: (id: CommandId) => void
  isMac: boolean
  /** Developer tools only in an unpackaged app. */
  devTools: boolean
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/**
 * Keys reach the page first, whose keymap knows when the user is typing. On Windows and Linux the
 * accelerators are only shown (Chromium edits text fields itself). On macOS `registerAccelerator` is
 * ignored: every accelerator is a key equivalent, but Electron hands it to the menu only when the page
 * left the key unhandled — so a command never runs twice, and Cmd+Z, Cmd+Shift+Z and Cmd+A in a text
 * field (which Chromium leaves to the Edit menu there) reach Undo, Redo and Select All, which the page
 * turns into the field's own editing.
 */
export function appMenuTemplate({ run, isMac, devTools }: MenuOptions): MenuItemConstructorOptions[] {
  const item = (command: Command): MenuItemConstructorOptions => {
    const accelerator = command.bindings.map(menuAccelerator).find((candidate) => candidate !== null)
    return {
      id: command.id,
      label: desktopText(command.menuLabelKey ?? command.titleKey),
      ...(accelerator ? { accelerator, ...(isMac ? {} : { registerAccelerator: false }) } : {}),
      click: () => run(command.id),
    }
  }
  const itemsOf = (menu: MenuName) => COMMANDS.filter((command) => command.menu === menu && !command.textEdit).map(item)
  const editing = (edit: TextEdit) => COMMANDS.filter((command) => command.textEdit === edit).map(item)
  const submenus: Record<MenuName, MenuItemConstructorOptions[]> = {
    File: [...itemsOf('File'), separator, isMac ? { role: 'close' } : { role: 'quit' }],
    // The editing group every app has, in the usual order; then the table's selection commands.
    Edit: [
      ...editing('undo'),
      ...editing('redo'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...editing('selectAll'),
      separator,
      ...itemsOf('Edit'),
    ],
    View: [...itemsOf('View'), separator, { role: 'togglefullscreen' }, ...(devTools ? [{ role: 'toggleDevTools' } as const] : [])],
    Contacts: itemsOf('Contacts'),
    Help: itemsOf('Help'),
  }
  const menus = (Object.keys(MENU_TITLE_KEYS) as MenuName[]).map((menu) => ({ label: desktopText(MENU_TITLE_KEYS[menu]), submenu: submenus[menu] }))
  return isMac ? [{ role: 'appMenu' }, ...menus] : menus
}
