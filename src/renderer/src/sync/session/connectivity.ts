// Whether the SkyLight API is reachable, as the answers to this window's calls show it (the page has no network of its own).
import { CHANNELS, type CallOptions, type Channel, type SkylightBridge } from '../../../../shared/contract'
import type { ApiError } from '../../../../shared/result'

export type Reachability = 'unknown' | 'online' | 'offline' | 'unauthorized'

export interface Connectivity {
  readonly state: Reachability
  /** A call's outcome: null for an answer from the API, the error otherwise. */
  report(error: ApiError | null): void
  subscribe(listener: (state: Reachability) => void): () => void
}

/** Errors that say nothing about reachability (a 404, a 422, a bug) leave the state as it is. */
function reachabilityOf(error: ApiError | null): Reachability | null {
  if (error === null) return 'online'
  if (error.kind === 'offline' || error.kind === 'timeout') return 'offline'
  if (error.kind === 'unauthorized') return 'unauthorized'
  // 429 and 5xx come from a server that is there.
  if (error.kind === 'rate_limited' || error.kind === 'server' || error.kind === 'not_found' || error.kind === 'validation') return 'online'
  return null
}

export function createConnectivity(): Connectivity {
  let state: Reachability = 'unknown'
  const listeners = new Set<(state: Reachability) => void>()
  return {
    get state() {
      return state
    },
    report(error) {
      const next = reachabilityOf(error)
      if (next === null || next === state) return
      state = next
      for (const listener of [...listeners]) listener(next)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** Channels that reach the API (auth, demo and the link opener do not). */
const API_CHANNELS: ReadonlySet<Channel> = new Set(CHANNELS.filter((channel) => /^(contacts|notes|lists|segments)\./.test(channel)))

/** The same bridge, with every API answer reported to `connectivity`. */
export function observeBridge(bridge: SkylightBridge, connectivity: Connectivity): SkylightBridge {
  type Method = (args: never, options?: CallOptions) => Promise<Awaited<ReturnType<SkylightBridge[Channel]>>>
  const observed = { ...bridge } as Record<Channel, Method>
  for (const channel of API_CHANNELS) {
    const call = bridge[channel] as Method
    // The call's options (its priority) pass through untouched.
    observed[channel] = async (args, options) => {
      const result = await call(args, options)
      connectivity.report(result.ok ? null : result.error)
      return result
    }
  }
  return observed as unknown as SkylightBridge
}
