import { describe, expect, it } from 'vitest'
import { ok } from '../../../../shared/result'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import { withPriority } from './with-priority'

describe('withPriority', () => {
  it('sends every call with the priority, unless the call names its own', async () => {
    const log: CallLog = []
    const bridge = withPriority(fakeBridge({ 'contacts.get': async () => ok(null as never), 'contacts.list': async () => ok(null as never) }, log), 'replay')
    await bridge['contacts.get']({ id: 7 })
    await bridge['contacts.list']({ page: 2 }, { priority: 'interactive' })
    await bridge['contacts.list']({ page: 3 }, {})
    expect(log).toEqual([
      { channel: 'contacts.get', args: { id: 7 }, options: { priority: 'replay' } },
      { channel: 'contacts.list', args: { page: 2 }, options: { priority: 'interactive' } },
      { channel: 'contacts.list', args: { page: 3 }, options: { priority: 'replay' } },
    ])
  })
})
