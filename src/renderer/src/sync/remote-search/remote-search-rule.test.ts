import { describe, expect, it } from 'vitest'
import { shouldAskServer, targetsEmail } from './remote-search-rule'

describe('targetsEmail', () => {
  it.each(['ann@', '@acme', 'ann@acme.com', 'acme.com', 'ACME.co.uk', 'j.smith', 'sales acme.io', 'müller.de'])('%s aims at an email', (query) => {
    expect(targetsEmail(query)).toBe(true)
  })

  it.each(['ann', 'Ann Smith', 'acme', 'St. John', 'acme.c', '1.5', '+1.415.555.1234', '#vip', 'tag:lead', ''])('%s does not', (query) => {
    expect(targetsEmail(query)).toBe(false)
  })
})

describe('shouldAskServer', () => {
  it('asks for any non-blank query until the first pull completes', () => {
    expect(shouldAskServer('ann', false)).toBe(true)
    expect(shouldAskServer('   ', false)).toBe(false)
  })

  it('never asks for a query holding a note: word, which only the mirror can answer', () => {
    expect(shouldAskServer('note:price', false)).toBe(false)
    expect(shouldAskServer('ann note:acme.com', true)).toBe(false)
    expect(shouldAskServer('Note:price', false)).toBe(false)
    expect(shouldAskServer('keynote:x', false)).toBe(true)
  })

  it('after the first pull, asks only for a query aimed at an email', () => {
    expect(shouldAskServer('ann', true)).toBe(false)
    expect(shouldAskServer('acme.com', true)).toBe(true)
    expect(shouldAskServer('ann@', true)).toBe(true)
  })
})
