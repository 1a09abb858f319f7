// Random values at every channel: each answers a validation error, no handler runs, nothing throws.
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { callOptions, CHANNELS, channels } from '../../shared/contract'
import { dispatch } from './dispatch'
import type { HandlerTable } from './handlers'

const OWN_PAGE = 'app://skylight/index.html'
const isOwnPage = (url: string) => url === OWN_PAGE

function untouchableTable(): { table: HandlerTable; called: ReturnType<typeof vi.fn> } {
  const called = vi.fn()
  const table = Object.fromEntries(CHANNELS.map((channel) => [channel, async () => called(channel)])) as unknown as HandlerTable
  return { table, called }
}

describe('IPC fuzz', () => {
  it.each(CHANNELS)('%s refuses any malformed argument with a validation error', async (channel) => {
    const { table, called } = untouchableTable()
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((value) => !channels[channel].args.safeParse(value).success),
        async (value) => {
          const result = await dispatch(table, channel, value, OWN_PAGE, isOwnPage)
          expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } })
        },
      ),
      { numRuns: 150 },
    )
    expect(called).not.toHaveBeenCalled()
  })

  it.each(CHANNELS)('%s refuses a valid argument with an extra key', async (channel) => {
    const { table, called } = untouchableTable()
    const valid = findValid(channel)
    expect(valid, `no known valid argument for ${channel}`).not.toBeNull()
    const result = await dispatch(table, channel, { ...valid, smuggled: 'x' }, OWN_PAGE, isOwnPage)
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(called).not.toHaveBeenCalled()
  })

  it('refuses any call options but a known priority, whatever the channel', async () => {
    const { table, called } = untouchableTable()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.anything().filter((value) => value !== undefined && !callOptions.safeParse(value).success),
        async (channel, options) => {
          const result = await dispatch(table, channel, findValid(channel), OWN_PAGE, isOwnPage, options)
          expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } })
        },
      ),
      { numRuns: 200 },
    )
    expect(called).not.toHaveBeenCalled()
  })

  it('answers a foreign page "forbidden" whatever it sends, and unknown channels a validation error', async () => {
    const { table, called } = untouchableTable()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.anything(), fc.webUrl(), async (channel, value, url) => {
        expect(await dispatch(table, channel, value, url, isOwnPage)).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
      }),
      { numRuns: 200 },
    )
    expect(await dispatch(table, '__proto__', {}, OWN_PAGE, isOwnPage)).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(called).not.toHaveBeenCalled()
  })
})

/** A valid argument for `channel`, from the shapes the contract uses. */
function findValid(channel: (typeof CHANNELS)[number]): Record<string, unknown> | null {
  const candidates: Record<string, unknown>[] = [
    {},
    { id: 1 },
    { apiKey: 'sk_test_x', baseUrl: 'https://api.example.com' },
    { page: 1, per_page: 10 },
    { contact: { name: 'Ada', type: 'instagram' } },
    { id: 1, patch: { name: 'Ada' } },
    { id: 1, content: 'Hi' },
    { id: 1, list_id: 2 },
    { id: 1, segment_id: 2 },
    { url: 'https://wa.me/1' },
    { count: 1 },
    { percent: 50 },
    { locale: 'ar' },
    { source: 'error', message: 'boom' },
    { sync: { reachability: 'online', lastSyncedAt: null, unsynced: 0, needsAttention: 0, pull: 'idle' } },
    { fileName: 'contacts.csv', format: 'csv' },
    { id: 'export-0001', at: 0, text: 'Name\r\n' },
    { id: 'export-0001' },
  ]
  return candidates.find((candidate) => channels[channel].args.safeParse(candidate).success) ?? null
}
