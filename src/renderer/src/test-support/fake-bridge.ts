// A bridge for unit tests: the channels a test answers, and a loud `internal` error for any other.
import { CHANNELS, type CallOptions, type SkylightBridge } from '../../../shared/contract'

/** Each call in order; `options` (the call's priority) only when the caller gave some. */
export type CallLog = { channel: string; args: unknown; options?: CallOptions }[]

export function fakeBridge(answers: Partial<SkylightBridge>, log: CallLog = []): SkylightBridge {
  const entries = CHANNELS.map((channel) => {
    const answer = answers[channel] as ((args: unknown, options?: CallOptions) => Promise<unknown>) | undefined
    const method = async (args: unknown, options?: CallOptions) => {
      log.push(options === undefined ? { channel, args } : { channel, args, options })
      if (answer) return answer(args, options)
      return { ok: false, error: { kind: 'internal', message: `The test did not expect ${channel}.` } }
    }
    return [channel, method] as const
  })
  return Object.fromEntries(entries) as unknown as SkylightBridge
}
