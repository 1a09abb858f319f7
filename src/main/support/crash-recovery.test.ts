import { describe, expect, it } from 'vitest'
import { createCrashRecovery } from './crash-recovery'

describe('crash recovery', () => {
  it('reloads a crashed page, but not a fourth time within a minute (a page dying at start would loop)', () => {
    const lines: string[] = []
    let now = new Date('2026-12-02T10:00:00.000Z')
    const recovery = createCrashRecovery((level, message) => lines.push(`${level} ${message}`), () => now)
    expect([1, 2, 3].map(() => recovery.rendererGone({ reason: 'crashed', exitCode: 11 }))).toEqual([true, true, true])
    expect(recovery.rendererGone({ reason: 'crashed' })).toBe(false)
    expect(lines.at(-1)).toBe('error renderer crashed too often: not reloading it again')
    now = new Date('2026-12-02T10:01:30.000Z')
    expect(recovery.rendererGone({ reason: 'oom' })).toBe(true)
    expect(recovery.takeNotice()).toEqual({ reason: 'oom', at: '2026-12-02T10:01:30.000Z' })
    expect(recovery.takeNotice()).toBeNull()
  })
})
