// The app menu's clicks, as main sends them through the preload; nothing happens outside Electron (the e2e host).
import { onBeforeUnmount, onMounted } from 'vue'
import type { SkylightEvents } from '../../../shared/contract'
import type { CommandId } from '../../../shared/keymap'

declare global {
  interface Window {
    /** Exposed by the preload in Electron; absent in a plain browser. */
    skylightEvents?: SkylightEvents
  }
}

/** Runs `run` for every menu click while the calling component is mounted. */
export function useMenuCommands(run: (id: CommandId) => void): void {
  let off: () => void = () => {}
  onMounted(() => {
    off = window.skylightEvents?.onMenuCommand(run) ?? (() => {})
  })
  onBeforeUnmount(() => off())
}
