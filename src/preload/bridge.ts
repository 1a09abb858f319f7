// Builds window.skylight: one method per contract channel, each a plain invoke of that channel.
import { CHANNELS, ipcName, type SkylightBridge } from '../shared/contract'

export type Invoke = (ipcChannel: string, args: unknown, options?: unknown) => Promise<unknown>

/**
 * Exactly the contract, nothing more: the page never sees `invoke` itself, so it cannot
 * reach a channel the contract does not name. Main validates the arguments and the call's
 * options (its priority, sent only when given), and the results are the contract's `Result` values.
 */
export function buildBridge(invoke: Invoke): SkylightBridge {
  const method = (channel: (typeof CHANNELS)[number]) => (args: unknown, options?: unknown) =>
    options === undefined ? invoke(ipcName(channel), args) : invoke(ipcName(channel), args, options)
  const bridge = Object.fromEntries(CHANNELS.map((channel) => [channel, method(channel)]))
  return bridge as SkylightBridge
}
