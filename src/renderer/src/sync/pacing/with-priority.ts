// A bridge whose every call carries one priority: how a background caller (replay, pull) tells main's limiter who waits.
import type { CallOptions, CallPriority } from '../../../../shared/contract'

type BridgeMethod = (args: never, options?: CallOptions) => Promise<unknown>

/** The same methods, each sending `priority` unless the call names its own. */
export function withPriority<B extends Partial<Record<string, BridgeMethod>>>(bridge: B, priority: CallPriority): B {
  const prioritized: Record<string, BridgeMethod> = {}
  for (const [channel, method] of Object.entries(bridge)) {
    if (method) prioritized[channel] = (args, options) => method(args, { priority, ...options })
  }
  return prioritized as B
}
