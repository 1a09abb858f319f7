import { describe, expect, it } from 'vitest'
import { ERRORS_PER_MINUTE, createRendererErrorLog } from './renderer-errors'

describe('renderer errors in main\'s log', () => {
  it('logs the stack (or the message), and at most a few a minute, saying how many it left out', () => {
    const lines: string[] = []
    let time = 0
    const report = createRendererErrorLog((line) => lines.push(line), () => time)
    report({ source: 'error', message: 'boom', stack: 'TypeError: boom\n    at render (App.vue:3)' })
    report({ source: 'unhandledrejection', message: 'no stack here' })
    report({ source: 'vue', message: 'render failed', stack: '    at setup (Table.vue:9)' })
    expect(lines).toEqual([
      'renderer error: TypeError: boom\n    at render (App.vue:3)',
      'renderer unhandledrejection: no stack here',
      'renderer vue: render failed\n    at setup (Table.vue:9)',
    ])
    for (let i = 0; i < ERRORS_PER_MINUTE + 10; i++) report({ source: 'error', message: `loop ${i}` })
    expect(lines).toHaveLength(ERRORS_PER_MINUTE)
    time = 60_000
    report({ source: 'error', message: 'later' })
    expect(lines.slice(-2)).toEqual(['renderer: 13 more errors in the last minute were not logged', 'renderer error: later'])
  })
})
