// The one place that touches `window.skylight`: the preload's (or the browser host's) bridge to main.
import type { ArgsOf, Channel, DataOf, SkylightBridge } from '../../shared/contract'
import type { Result } from '../../shared/result'

declare global {
  interface Window {
    /** Exposed by the preload in Electron, by /host-bridge.js in the browser host. */
    skylight?: SkylightBridge
  }
}

let injected: SkylightBridge | null = null

/** Replaces the bridge, for tests that run the stores without a preload. */
export function setBridge(bridge: SkylightBridge | null): void {
  injected = bridge
}

export function getBridge(): SkylightBridge | null {
  return injected ?? (typeof window === 'undefined' ? null : (window.skylight ?? null))
}

/**
 * Calls one channel. Main answers every call with a Result; a rejected promise can only be a
 * broken transport, so it is turned into an `internal` error value rather than thrown.
 */
export async function callBridge<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<DataOf<C>>> {
  const bridge = getBridge()
  if (!bridge) {
    return { ok: false, error: { kind: 'internal', message: 'The app bridge is missing: open SkyLight Contacts from the app.' } }
  }
  const method = bridge[channel] as (args: ArgsOf<C>) => Promise<Result<DataOf<C>>>
  try {
    return await method(args)
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    return { ok: false, error: { kind: 'internal', message: `The app could not reach its main process (${detail}).` } }
  }
}
