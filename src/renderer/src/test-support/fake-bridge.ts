// A bridge for unit tests: the channels a test answers, and a loud `internal` error for any other.
import { CHANNELS, type SkylightBridge } from '../../../shared/contract'

export type CallLog = { channel: string; args: unknown }[]

export function fakeBridge(answers: Partial<SkylightBridge>, log: CallLog = []): SkylightBridge {
  const entries = CHANNELS.map((channel) => {
    const answer = answers[channel] as ((args: unknown, options?: unknown) => Promise<unknown>) | undefined
    const method = async (args: unknown, options?: unknown) => {
      log.push({ channel, args })
      if (answer) return options === undefined ? answer(args) : answer(args, options)
      return { ok: false, error: { kind: 'internal', message: `The test did not expect ${channel}.` } }
    }
    return [channel, method] as const
  })
  return Object.fromEntries(entries) as unknown as SkylightBridge
}
