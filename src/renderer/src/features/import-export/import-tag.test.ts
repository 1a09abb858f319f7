import { describe, expect, it } from 'vitest'
import { defaultImportTag, importTagProblem } from './import-tag'

describe('the import tag', () => {
  it('is import-<date> by default, the date on the local calendar, padded', () => {
    expect(defaultImportTag(new Date(2026, 2, 4, 23, 59))).toBe('import-2026-03-04')
    expect(defaultImportTag(new Date(2026, 11, 31, 0, 1))).toBe('import-2026-12-31')
  })

  it('may be empty (no tag), and says why when the API would refuse it', () => {
    expect(importTagProblem('')).toBeNull()
    expect(importTagProblem('   ')).toBeNull()
    expect(importTagProblem('trade-fair')).toBeNull()
    expect(importTagProblem('x'.repeat(51))).toBe('tag_too_long')
  })
})
