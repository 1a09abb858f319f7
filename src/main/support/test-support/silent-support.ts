// Support that records nothing, for tests whose subject is elsewhere.
import type { HandlerDeps } from '../../ipc/handlers'

export const silentSupport: HandlerDeps['support'] = {
  reportError: () => {},
  diagnostics: async () => '',
  takeCrashNotice: () => null,
}
