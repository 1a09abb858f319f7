import { describe, expect, it } from 'vitest'
import { parseCliArgs } from './cli-args'

describe('parseCliArgs', () => {
  it('defaults to port 8787 and no knobs', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { port: 8787, knobs: {} } })
  })

  it('reads every flag', () => {
    const args = parseCliArgs([
      '--port', '0', '--host', '0.0.0.0', '--contacts', '100000', '--seed', '7', '--key', 'sk_test_abc',
      '--rows', 'full', '--latency', '20-200', '--rate-limit', '60/1000', '--error-rate', '0.05',
      '--lost-rate', '0.02', '--other-user', '1.5',
    ])
    expect(args).toEqual({
      kind: 'run',
      options: {
        port: 0,
        host: '0.0.0.0',
        contacts: 100000,
        seed: 7,
        apiKey: 'sk_test_abc',
        knobs: {
          rows: 'full',
          latencyMs: [20, 200],
          rateLimit: { limit: 60, windowMs: 1000 },
          errorRate: 0.05,
          lostResponseRate: 0.02,
          otherUserEditsPerSecond: 1.5,
        },
      },
    })
    expect(parseCliArgs(['--latency', '50'])).toMatchObject({ options: { knobs: { latencyMs: 50 } } })
  })

  it('asks for help', () => {
    expect(parseCliArgs(['--help', '--port', 'x'])).toEqual({ kind: 'help' })
  })

  it.each([
    [['--rows', 'some'], /--rows must be full or partial/],
    [['--rate-limit', '60'], /--rate-limit must look like 60\/1000/],
    [['--error-rate', '2'], /--error-rate must be between 0 and 1/],
    [['--lost-rate', ''], /--lost-rate must be between 0 and 1/],
    [['--latency', '200-20'], /--latency range must go from low to high/],
    [['--port', 'eighty'], /--port must be an integer/],
    [['--other-user=-1'], /--other-user must be a number/],
    [['--verbose'], /verbose/],
  ])('refuses %j with a readable message', (argv, message) => {
    const args = parseCliArgs(argv)
    expect(args.kind).toBe('error')
    expect(args.kind === 'error' && args.message).toMatch(message)
  })
})
