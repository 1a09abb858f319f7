// Builds window.skylight: one method per contract channel, each a plain invoke of that channel.
import { CHANNELS, ipcName, type SkylightBridge } from '../shared/contract'

export type Invoke = (ipcChannel: string, args: unknown) => Promise<unknown>

/**
 * Exactly the contract, nothing more: the page never sees `invoke` itself, so it cannot
 * reach a channel the contract does not name. Main validates the arguments and the results
 * are the contract's `Result` values.
 */
export function buildBridge(invoke: Invoke): SkylightBridge {
  const bridge = Object.fromEntries(CHANNELS.map((channel) => [channel, (args: unknown) => invoke(ipcName(channel), args)]))
  return bridge as SkylightBridge
}
