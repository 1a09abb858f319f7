import { describe, expect, it, vi } from 'vitest'
import { MENU_COMMAND_EVENT } from '../shared/contract'
import { buildEvents, type Subscribe } from './events'

describe('buildEvents', () => {
  it('passes menu commands of the keymap to the page, and nothing else', () => {
    const handlers: ((payload: unknown) => void)[] = []
    const unsubscribe = vi.fn()
    const subscribe: Subscribe = vi.fn((channel, handler) => {
      expect(channel).toBe(MENU_COMMAND_EVENT)
      handlers.push(handler)
      return unsubscribe
    })
    const listener = vi.fn()
    const off = buildEvents(subscribe).onMenuCommand(listener)
    handlers[0]('tags.add')
    handlers[0]('rm -rf /')
    handlers[0]({ id: 'tags.add' })
    expect(listener.mock.calls).toEqual([['tags.add']])
    off()
    expect(unsubscribe).toHaveBeenCalledOnce()
    expect(Object.keys(buildEvents(subscribe))).toEqual(['onMenuCommand'])
  })
})
