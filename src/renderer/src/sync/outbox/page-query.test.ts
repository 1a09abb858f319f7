import { describe, expect, it } from 'vitest'
import { pageQueryFor, sameQuery, stillListed } from './page-query'

describe('the list query of a selection', () => {
  it('takes the filters the server has and the longest term typed as its search', () => {
    expect(pageQueryFor({ text: '', filters: { tag: 'fair', type: 'telegram', blacklisted: false, status: 'active' } })).toEqual({ tag: 'fair', type: 'telegram', blacklisted: false })
    expect(pageQueryFor({ text: 'Jo Müller', filters: {} })).toEqual({ search: 'muller' })
    expect(pageQueryFor({ text: 'ann @example.org', filters: {} })).toEqual({ search: '@example.org' })
    expect(pageQueryFor({ text: '0171 2345', filters: {} })).toEqual({ search: '01712345' })
    // One tag term alone is the tag filter ("show this tag"); beside a word or a filter's tag, the search or filter decides.
    expect(pageQueryFor({ text: '#VIP', filters: {} })).toEqual({ tag: 'vip' })
    expect(pageQueryFor({ text: 'ann #vip', filters: {} })).toEqual({ search: 'ann' })
    expect(pageQueryFor({ text: '#vip', filters: { tag: 'fair' } })).toEqual({ tag: 'fair' })
  })

  it('compares tags as the server does, without case', () => {
    expect(sameQuery({ tag: 'Fair' }, { tag: 'fair' })).toBe(true)
    expect(sameQuery({ tag: 'fair' }, { tag: 'fair', blacklisted: true })).toBe(false)
  })

  it('tells when a written row has left the filter', () => {
    expect(stillListed({ id: 1, tags: ['Fair', 'x'] }, { tag: 'fair' })).toBe(true)
    expect(stillListed({ id: 1, tags: ['x'] }, { tag: 'fair' })).toBe(false)
    expect(stillListed({ id: 1, blacklisted: true }, { blacklisted: false })).toBe(false)
    expect(stillListed({ id: 1, type: 'instagram' }, { type: 'whatsapp', search: 'ann' })).toBe(false)
    expect(stillListed({ id: 1, name: 'Bo' }, { search: 'ann' })).toBe(true)
  })
})
