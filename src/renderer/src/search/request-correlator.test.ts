import { describe, expect, it } from 'vitest'
import { createCorrelator } from './request-correlator'
import type { CallMessage } from './search-protocol'

function setup() {
  const sent: CallMessage[] = []
  const correlator = createCorrelator((message) => sent.push(message))
  return { sent, correlator }
}

describe('createCorrelator', () => {
  it('sends each call with its own id and resolves it with the reply of that id', async () => {
    const { sent, correlator } = setup()
    const first = correlator.call('allIds', { text: 'a', filters: {} })
    const second = correlator.call('allIds', { text: 'b', filters: {} })
    expect(sent.map((m) => [m.name, m.id])).toEqual([
      ['allIds', 1],
      ['allIds', 2],
    ])
    // Out of order on purpose: replies are matched by id, not by arrival.
    correlator.settle({ type: 'reply', id: 2, ok: true, value: [2] })
    correlator.settle({ type: 'reply', id: 1, ok: true, value: [1] })
    await expect(first).resolves.toEqual([1])
    await expect(second).resolves.toEqual([2])
    expect(correlator.waiting).toBe(0)
  })

  it('rejects a call whose reply carries an error', async () => {
    const { correlator } = setup()
    const call = correlator.call('saveSnapshot', {})
    correlator.settle({ type: 'reply', id: 1, ok: false, message: 'disk full' })
    await expect(call).rejects.toThrow('disk full')
  })

  it('ignores replies to ids it is not waiting for', async () => {
    const { correlator } = setup()
    const call = correlator.call('saveSnapshot', {})
    correlator.settle({ type: 'reply', id: 99, ok: true, value: 1 })
    expect(correlator.waiting).toBe(1)
    correlator.settle({ type: 'reply', id: 1, ok: true, value: 5 })
    await expect(call).resolves.toBe(5)
  })

  it('fails every waiting call and every later call once failed', async () => {
    const { sent, correlator } = setup()
    const a = correlator.call('saveSnapshot', {})
    const b = correlator.call('allIds', { text: '', filters: {} })
    correlator.failAll(new Error('worker died'))
    await expect(a).rejects.toThrow('worker died')
    await expect(b).rejects.toThrow('worker died')
    await expect(correlator.call('saveSnapshot', {})).rejects.toThrow('worker died')
    expect(sent).toHaveLength(2)
  })
})
