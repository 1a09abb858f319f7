import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, type AuthStatus } from '../../shared/contract'
import { fail, ok, type ApiError, type Result } from '../../shared/result'
import { withActivityLog, type RecordLine } from './activity-log'
import type { HandlerTable } from './handlers'

const account: AuthStatus = {
  mode: 'account',
  baseUrl: 'https://api.skylight.example',
  keyHint: 'sk_live_…c0de',
  accountId: 'acct-1',
  storage: 'keychain',
  storageWarning: null,
}

/** A table whose every channel answers `answer`. */
const tableAnswering = (answer: Result<unknown>) => Object.fromEntries(CHANNELS.map((channel) => [channel, async () => answer])) as unknown as HandlerTable

const logged = async (channel: keyof HandlerTable, answer: Result<unknown>, args: unknown = {}) => {
  const record = vi.fn<RecordLine>()
  const table = withActivityLog(tableAnswering(answer), record)
  const result = await (table[channel] as (args: unknown) => Promise<Result<unknown>>)(args)
  expect(result).toBe(answer)
  return record.mock.calls
}

describe('withActivityLog', () => {
  it('records a sign-in with where the key is kept, never the key', async () => {
    expect(await logged('auth.setKey', ok(account))).toEqual([['info', 'signed in to https://api.skylight.example with the key sk_live_…c0de, kept in the OS keychain']])
  })

  it('records a refused key replaced for the same account', async () => {
    expect(await logged('auth.setKey', ok(account), { keepAccount: true })).toEqual([
      ['info', 'replaced the refused key: https://api.skylight.example with the key sk_live_…c0de, kept in the OS keychain'],
    ])
  })

  it('records the demo and a sign-out', async () => {
    expect(await logged('demo.start', ok({ ...account, mode: 'demo', baseUrl: 'http://127.0.0.1:4000' }))).toEqual([['info', 'opened demo data at http://127.0.0.1:4000']])
    expect(await logged('auth.clear', ok({ ...account, mode: 'signed_out' }))).toEqual([['info', 'signed out']])
  })

  it('records a failed call with its kind, fields, status or wait', async () => {
    const cases: Array<[ApiError, string]> = [
      [{ kind: 'validation', message: 'The phone is invalid.', fields: { phone: ['Invalid.'] } }, 'contacts.update failed: validation (phone): The phone is invalid.'],
      [{ kind: 'server', message: 'SkyLight had a problem.', status: 503 }, 'contacts.update failed: server (503): SkyLight had a problem.'],
      [{ kind: 'rate_limited', message: 'Too many requests.', retryAfterMs: 1200 }, 'contacts.update failed: rate_limited (retry in 1200 ms): Too many requests.'],
      [{ kind: 'unauthorized', message: 'The key was refused.' }, 'contacts.update failed: unauthorized: The key was refused.'],
    ]
    for (const [error, line] of cases) expect(await logged('contacts.update', fail(error))).toEqual([['warn', line]])
  })

  it('stays quiet about successful contact calls and about being offline', async () => {
    expect(await logged('contacts.list', ok({ data: [], meta: {} }))).toEqual([])
    expect(await logged('contacts.list', fail({ kind: 'offline', message: 'No connection.' }))).toEqual([])
  })
})
