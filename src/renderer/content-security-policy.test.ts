// The renderer's Content Security Policy, read from the page itself: no script or connection beyond our own files.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const html = readFileSync(new URL('./index.html', import.meta.url), 'utf8')
const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
const directives = new Map(
  policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([name, ...sources]) => [name!, sources]),
)

describe('the renderer page policy', () => {
  it('allows only our own files by default and our own origin for connections', () => {
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
  })

  it('runs no inline or evaluated script, and loads nothing from the network', () => {
    // No script-src: scripts fall back to default-src 'self'.
    expect(directives.has('script-src')).toBe(false)
    for (const sources of directives.values()) {
      expect(sources).not.toContain("'unsafe-eval'")
      expect(sources.some((source) => /^(https?:|\*|wss?:)/.test(source))).toBe(false)
    }
    // Inline styles only (naive-ui injects its styles at run time; see security/accepted-findings.json).
    expect([...directives].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name)).toEqual(['style-src'])
  })
})
