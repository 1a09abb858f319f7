// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { createApp, h, nextTick } from 'vue'
import type { RendererError } from '../../../../shared/support'
import { describeError, installErrorReporting } from './report-errors'

describe('error reporting', () => {
  it('sends a render error from Vue, with its stack, and keeps logging it to the console', async () => {
    const sent: RendererError[] = []
    const events = new EventTarget()
    const broken = () => {
      throw new Error('table row without a name')
    }
    const app = createApp(() => h(broken))
    installErrorReporting(app, events as unknown as Window, (error) => sent.push(error))
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    app.mount(document.createElement('div'))
    await nextTick()
    expect(sent).toEqual([{ source: 'vue', message: 'table row without a name', stack: expect.stringContaining('table row without a name') }])
    expect(consoleError).toHaveBeenCalled()
    consoleError.mockRestore()
  })

  it('sends thrown errors and unhandled rejections the window sees', () => {
    const sent: RendererError[] = []
    const events = new EventTarget()
    installErrorReporting(createApp(() => null), events as unknown as Window, (error) => sent.push(error))
    events.dispatchEvent(Object.assign(new Event('error'), { error: new RangeError('bad index') }))
    events.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: 'plain text reason' }))
    expect(sent).toEqual([
      { source: 'error', message: 'bad index', stack: expect.stringContaining('RangeError') },
      { source: 'unhandledrejection', message: 'plain text reason' },
    ])
  })

  it('cuts what it sends to the sizes the contract allows', () => {
    const huge = new Error('m'.repeat(5_000))
    huge.stack = 's'.repeat(20_000)
    const described = describeError('error', huge)
    expect([described.message.length, described.stack?.length]).toEqual([2_000, 8_000])
  })
})
