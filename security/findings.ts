// Judges electronegativity's findings against the ones we reviewed and accepted, with reasons.

export interface Finding {
  check: string
  file: string
  line: number
}

export interface AcceptedFinding {
  check: string
  file: string
  /** How many times the check fires in that file: one more means new code nobody reviewed. */
  occurrences: number
  reason: string
}

export interface Verdict {
  /** Findings beyond what was accepted for their check and file. */
  unreviewed: Finding[]
  /** Accepted entries that no longer fire as often as they say: the list must stay true. */
  stale: Array<AcceptedFinding & { found: number }>
}

const key = (check: string, file: string) => `${check} ${file}`

export function judge(findings: Finding[], accepted: AcceptedFinding[]): Verdict {
  const byKey = new Map<string, Finding[]>()
  for (const finding of findings) {
    const group = byKey.get(key(finding.check, finding.file)) ?? []
    group.push(finding)
    byKey.set(key(finding.check, finding.file), group)
  }
  const unreviewed: Finding[] = []
  const stale: Verdict['stale'] = []
  const acceptedKeys = new Set<string>()
  for (const entry of accepted) {
    acceptedKeys.add(key(entry.check, entry.file))
    const found = byKey.get(key(entry.check, entry.file)) ?? []
    if (found.length > entry.occurrences) unreviewed.push(...found)
    else if (found.length < entry.occurrences) stale.push({ ...entry, found: found.length })
  }
  for (const [groupKey, group] of byKey) if (!acceptedKeys.has(groupKey)) unreviewed.push(...group)
  return { unreviewed, stale }
}

interface Sarif {
  runs: Array<{
    results: Array<{
      ruleId: string
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>
    }>
  }>
}

/** The findings of a SARIF report, one per result location. */
export function findingsFromSarif(sarif: Sarif): Finding[] {
  return sarif.runs.flatMap((run) =>
    run.results.flatMap((result) =>
      result.locations.map(({ physicalLocation }) => ({
        check: result.ruleId,
        file: physicalLocation.artifactLocation.uri,
        line: physicalLocation.region.startLine,
      })),
    ),
  )
}
