import { describe, expect, it, vi } from 'vitest'
import { createDeepLinkInbox } from './deep-link-inbox'

describe('deep link inbox', () => {
  it('keeps links until the page listens, then passes each at once; logs only their kind', () => {
    const send = vi.fn()
    const log = vi.fn()
    const inbox = createDeepLinkInbox(send, log)
    inbox.receive('skylight-contacts://search?q=Dubois')
    inbox.receive('https://evil.example')
    expect(send).not.toHaveBeenCalled()
    inbox.pageLoaded()
    expect(send.mock.calls.map(([event]) => event)).toEqual([
      { link: { kind: 'search', query: 'Dubois' } },
      { refused: expect.stringMatching(/^This link cannot be opened/) },
    ])
    inbox.receive('skylight-contacts://contact/42')
    expect(send).toHaveBeenLastCalledWith({ link: { kind: 'contact', id: 42 } })
    expect(log.mock.calls.map(([line]) => line)).toEqual([
      'deep link: open a search',
      expect.stringMatching(/^deep link refused: This link cannot be opened/),
      'deep link: open a contact',
    ])
    expect(log.mock.calls.join(' ')).not.toContain('Dubois')
  })

  it('holds links again while the page reloads, and keeps only the latest few', () => {
    const send = vi.fn()
    const inbox = createDeepLinkInbox(send, () => {})
    inbox.pageLoaded()
    inbox.pageGone()
    for (let id = 1; id <= 8; id++) inbox.receive(`skylight-contacts://contact/${id}`)
    expect(send).not.toHaveBeenCalled()
    inbox.pageLoaded()
    expect(send.mock.calls.map(([event]) => event.link.id)).toEqual([4, 5, 6, 7, 8])
  })
})
