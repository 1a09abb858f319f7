// The shortcuts feature's public entry: the keymap's key matching, the shortcut and app-menu listeners, the palette and the help.
export { default as CommandPalette } from './CommandPalette.vue'
export { default as ShortcutHelp } from './ShortcutHelp.vue'
export { bindingInText, isTypingTarget, type CommandId } from './key-commands'
export { useAppMenu, useMenuCommands } from './menu-commands'
export { useShortcuts, type ShortcutHandlers } from './use-shortcuts'
