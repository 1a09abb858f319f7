// The shortcuts feature's public entry: the keymap's key matching, the shortcut and app-menu listeners, the palette and the help.
import { defineAsyncComponent } from 'vue'

// Its dialogs load on first use (a chunk of their own), so the app's first screen does not wait for them.
export const CommandPalette = defineAsyncComponent(() => import('./CommandPalette.vue'))
export const ShortcutHelp = defineAsyncComponent(() => import('./ShortcutHelp.vue'))
export { bindingInText, isTypingTarget, type CommandId } from './key-commands'
export { useAppMenu, useMenuCommands } from './menu-commands'
export { useShortcuts, type ShortcutHandlers } from './use-shortcuts'
