// Builds window.skylightEvents: main's menu clicks, deep links and update news, checked before the page hears them.
import { DEEP_LINK_EVENT, MENU_COMMAND_EVENT, UPDATE_STATUS_EVENT, type SkylightEvents } from '../shared/contract'
import { deepLinkEvent } from '../shared/deep-link'
import { COMMANDS, type CommandId } from '../shared/keymap'
import { updateStatus } from '../shared/update-status'

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
    onDeepLink(listener) {
      return subscribe(DEEP_LINK_EVENT, (payload) => {
        const checked = deepLinkEvent.safeParse(payload)
        if (checked.success) listener(checked.data)
      })
    },
    onUpdateStatus(listener) {
      return subscribe(UPDATE_STATUS_EVENT, (payload) => {
        const checked = updateStatus.safeParse(payload)
        if (checked.success) listener(checked.data)
      })
    },
  }
}
