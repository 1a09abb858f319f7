import { describe, expect, it } from 'vitest'
import { findingsFromSarif, judge, type AcceptedFinding } from './findings'

const accepted: AcceptedFinding[] = [
  { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.ts', occurrences: 2, reason: 'allowlisted' },
  { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', occurrences: 1, reason: 'naive-ui styles' },
]
const openExternal = (line: number) => ({ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.ts', line })
const csp = { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', line: 6 }

describe('judge', () => {
  it('passes findings that match what was accepted, check, file and count', () => {
    expect(judge([openExternal(47), openExternal(170), csp], accepted)).toEqual({ unreviewed: [], stale: [] })
  })

  it('flags a check nobody reviewed', () => {
    const nodeIntegration = { check: 'NODE_INTEGRATION_JS_CHECK', file: 'main/index.ts', line: 144 }
    expect(judge([openExternal(47), openExternal(170), csp, nodeIntegration], accepted).unreviewed).toEqual([nodeIntegration])
  })

  it('flags an accepted check firing in another file, or once more than reviewed', () => {
    const elsewhere = { check: 'CSP_GLOBAL_CHECK', file: 'renderer/other.html', line: 3 }
    expect(judge([openExternal(47), openExternal(170), csp, elsewhere], accepted).unreviewed).toEqual([elsewhere])
    expect(judge([openExternal(1), openExternal(2), openExternal(3), csp], accepted).unreviewed).toHaveLength(3)
  })

  it('calls an entry stale when it fires less often than it says', () => {
    expect(judge([openExternal(47), csp], accepted).stale).toEqual([{ ...accepted[0], found: 1 }])
    expect(judge([openExternal(47), openExternal(170)], accepted).stale).toEqual([{ ...accepted[1], found: 0 }])
  })
})

describe('findingsFromSarif', () => {
  it('reads check, file and line from each result location', () => {
    const location = (uri: string, startLine: number) => ({ physicalLocation: { artifactLocation: { uri }, region: { startLine } } })
    const sarif = {
      runs: [
        {
          results: [
            { ruleId: 'CSP_GLOBAL_CHECK', locations: [location('renderer/index.html', 6)] },
            { ruleId: 'OPEN_EXTERNAL_JS_CHECK', locations: [location('main/index.ts', 47), location('main/index.ts', 170)] },
          ],
        },
      ],
    }
    expect(findingsFromSarif(sarif)).toEqual([csp, openExternal(47), openExternal(170)])
  })
})
