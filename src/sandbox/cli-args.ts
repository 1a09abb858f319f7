// Turns the sandbox command line into server options, with a usage text and readable errors.
import { parseArgs } from 'node:util'
import type { SandboxKnobs, SandboxOptions } from './faults/knobbed-sandbox'

export const USAGE = `Usage: npm run sandbox -- [options]

  --port <n>            port to listen on (default 8787; 0 picks a free one)
  --host <addr>         address to bind (default 127.0.0.1)
  --contacts <n>        number of seeded contacts (default 5000)
  --seed <n>            seed of the generated data and of injected faults (default 1)
  --key <key>           API key to accept (default: a random sk_test_ key)
  --rows full|partial   fields of list rows (default partial, as in the reference)
  --latency <ms>        delay per request: 50, or a range like 20-200
  --rate-limit <n/ms>   at most n requests per window of ms, e.g. 60/1000
  --error-rate <0..1>   share of requests answered 500/502/503 with HTML
  --lost-rate <0..1>    share of writes applied but never answered
  --other-user <n>      edits per second made by another user
  --help                show this text
`

export type CliArgs = { kind: 'help' } | { kind: 'run'; options: SandboxOptions } | { kind: 'error'; message: string }

const DEFAULT_PORT = 8787

class ArgError extends Error {}

function integer(name: string, raw: string, min: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new ArgError(`--${name} must be an integer of at least ${min}, got "${raw}".`)
  return Number(raw)
}

function share(name: string, raw: string): number {
  const value = Number(raw)
  if (raw.trim() === '' || !(value >= 0 && value <= 1)) throw new ArgError(`--${name} must be between 0 and 1, got "${raw}".`)
  return value
}

function latency(raw: string): SandboxKnobs['latencyMs'] {
  const range = /^(\d+)-(\d+)$/.exec(raw)
  if (!range) return integer('latency', raw, 0)
  const [min, max] = [Number(range[1]), Number(range[2])]
  if (min > max) throw new ArgError(`--latency range must go from low to high, got "${raw}".`)
  return [min, max]
}

function rateLimit(raw: string): SandboxKnobs['rateLimit'] {
  const rule = /^(\d+)\/(\d+)$/.exec(raw)
  if (!rule) throw new ArgError(`--rate-limit must look like 60/1000 (requests per window in ms), got "${raw}".`)
  return { limit: integer('rate-limit', rule[1], 1), windowMs: integer('rate-limit', rule[2], 1) }
}

function rows(raw: string): SandboxKnobs['rows'] {
  if (raw !== 'full' && raw !== 'partial') throw new ArgError(`--rows must be full or partial, got "${raw}".`)
  return raw
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        contacts: { type: 'string' },
        seed: { type: 'string' },
        key: { type: 'string' },
        rows: { type: 'string' },
        latency: { type: 'string' },
        'rate-limit': { type: 'string' },
        'error-rate': { type: 'string' },
        'lost-rate': { type: 'string' },
        'other-user': { type: 'string' },
        help: { type: 'boolean' },
      },
    })
    if (values.help) return { kind: 'help' }
    const knobs: Partial<SandboxKnobs> = {}
    if (values.rows !== undefined) knobs.rows = rows(values.rows)
    if (values.latency !== undefined) knobs.latencyMs = latency(values.latency)
    if (values['rate-limit'] !== undefined) knobs.rateLimit = rateLimit(values['rate-limit'])
    if (values['error-rate'] !== undefined) knobs.errorRate = share('error-rate', values['error-rate'])
    if (values['lost-rate'] !== undefined) knobs.lostResponseRate = share('lost-rate', values['lost-rate'])
    if (values['other-user'] !== undefined) {
      const rate = Number(values['other-user'])
      if (!(rate >= 0)) throw new ArgError(`--other-user must be a number of edits per second, got "${values['other-user']}".`)
      knobs.otherUserEditsPerSecond = rate
    }
    const options: SandboxOptions = {
      port: values.port === undefined ? DEFAULT_PORT : integer('port', values.port, 0),
      knobs,
    }
    if (values.host !== undefined) options.host = values.host
    if (values.contacts !== undefined) options.contacts = integer('contacts', values.contacts, 0)
    if (values.seed !== undefined) options.seed = integer('seed', values.seed, 0)
    if (values.key !== undefined) options.apiKey = values.key
    return { kind: 'run', options }
  } catch (error) {
    // parseArgs reports unknown flags and missing values with a TypeError carrying a readable message.
    if (error instanceof ArgError || error instanceof TypeError) return { kind: 'error', message: error.message }
    throw error
  }
}
