// Builds window.skylightEvents: main's menu clicks, checked against the keymap before the page hears them.
import { MENU_COMMAND_EVENT, type SkylightEvents } from '../shared/contract'
import { COMMANDS, type CommandId } from '../shared/keymap'

/** Subscribes `handler` to an IPC event channel; returns the unsubscribe. */
export type Subscribe = (channel: string, handler: (payload: unknown) => void) => () => void

const KNOWN: ReadonlySet<string> = new Set(COMMANDS.map((command) => command.id))

export function buildEvents(subscribe: Subscribe): SkylightEvents {
  return {
    onMenuCommand(listener) {
      return subscribe(MENU_COMMAND_EVENT, (payload) => {
        if (typeof payload === 'string' && KNOWN.has(payload)) listener(payload as CommandId)
      })
    },
  }
}
