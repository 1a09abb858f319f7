import { describe, expect, it, vi } from 'vitest'
import { DEEP_LINK_EVENT, MENU_COMMAND_EVENT, UPDATE_STATUS_EVENT } from '../shared/contract'
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
    expect(Object.keys(buildEvents(subscribe))).toEqual(['onMenuCommand', 'onDeepLink', 'onUpdateStatus'])
  })

  it('passes deep links in the checked shape only', () => {
    const handlers: ((payload: unknown) => void)[] = []
    const subscribe: Subscribe = (channel, handler) => {
      expect(channel).toBe(DEEP_LINK_EVENT)
      handlers.push(handler)
      return () => {}
    }
    const listener = vi.fn()
    buildEvents(subscribe).onDeepLink(listener)
    handlers[0]({ link: { kind: 'contact', id: 42 } })
    handlers[0]({ refused: 'This link cannot be opened: it is too long.' })
    handlers[0]({ link: { kind: 'contact', id: -1 } })
    handlers[0]({ link: { kind: 'search', query: 'x', extra: 1 } })
    handlers[0]('skylight-contacts://contact/42')
    expect(listener.mock.calls).toEqual([[{ link: { kind: 'contact', id: 42 } }], [{ refused: 'This link cannot be opened: it is too long.' }]])
  })

  it('passes update statuses in the checked shape only', () => {
    let handler: (payload: unknown) => void = () => {}
    const listener = vi.fn()
    buildEvents((channel, next) => {
      expect(channel).toBe(UPDATE_STATUS_EVENT)
      handler = next
      return () => {}
    }).onUpdateStatus(listener)
    handler({ state: 'ready', version: '0.2.0' })
    handler({ state: 'ready' })
    handler({ state: 'restart-now' })
    expect(listener.mock.calls).toEqual([[{ state: 'ready', version: '0.2.0' }]])
  })
})
