import { describe, expect, it } from 'vitest'
import { CreateGate } from './create-gate'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('the create gate', () => {
  it('runs shared tasks together and an exclusive one alone', async () => {
    const gate = new CreateGate()
    const log: string[] = []
    const task = (name: string) => async () => {
      log.push(`${name} start`)
      await tick()
      log.push(`${name} end`)
    }
    await Promise.all([gate.shared(task('a')), gate.shared(task('b')), gate.exclusive(task('x')), gate.shared(task('c'))])
    expect(log.slice(0, 2)).toEqual(['a start', 'b start'])
    const x = log.indexOf('x start')
    expect(log[x + 1]).toBe('x end')
    expect(log.indexOf('a end')).toBeLessThan(x)
    expect(log.indexOf('b end')).toBeLessThan(x)
  })
})
