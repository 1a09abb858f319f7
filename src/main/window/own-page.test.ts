import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createIsOwnPage } from './own-page'

const rendererHtml = '/opt/SkyLight Contacts/resources/app/out/renderer/index.html'
const pageUrl = pathToFileURL(rendererHtml).href

describe('createIsOwnPage in production', () => {
  const isOwnPage = createIsOwnPage({ rendererHtml })

  it('accepts the built index.html, with or without a query or hash', () => {
    expect(isOwnPage(pageUrl)).toBe(true)
    expect(isOwnPage(`${pageUrl}#/contacts/42`)).toBe(true)
    expect(isOwnPage(`${pageUrl}?view=list`)).toBe(true)
  })

  it.each([
    ['another file beside ours', pathToFileURL('/opt/SkyLight Contacts/resources/app/out/renderer/evil.html').href],
    ['a file elsewhere', 'file:///etc/passwd'],
    ['a file on a network host', `file://server${pathToFileURL(rendererHtml).pathname}`],
    ['a website', 'https://dashboard.skylightchat.com/'],
    ['the dev server', 'http://localhost:5173/'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,hi'],
    ['not a URL', 'index.html'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isOwnPage(url)).toBe(false)
  })
})

describe('createIsOwnPage in development', () => {
  const isOwnPage = createIsOwnPage({ rendererHtml, devServerUrl: 'http://localhost:5173' })

  it('accepts any page on the dev server origin', () => {
    expect(isOwnPage('http://localhost:5173/')).toBe(true)
    expect(isOwnPage('http://localhost:5173/index.html#/settings')).toBe(true)
  })

  it.each([
    ['another port', 'http://localhost:5174/'],
    ['another host', 'http://127.0.0.1:5173/'],
    ['https on the same host', 'https://localhost:5173/'],
    ['a lookalike host', 'http://localhost.evil.com:5173/'],
    ['the production file', pageUrl],
  ])('refuses %s', (_label, url) => {
    expect(isOwnPage(url)).toBe(false)
  })

  it('treats an empty dev server URL as production', () => {
    const production = createIsOwnPage({ rendererHtml, devServerUrl: '' })
    expect(production(pageUrl)).toBe(true)
    expect(production('http://localhost:5173/')).toBe(false)
  })
})
