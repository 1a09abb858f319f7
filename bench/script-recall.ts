// Recall per script: of the typo and script queries made from a contact of that script, the share that found it.
import type { BenchQuery } from './queries'
import type { Figure } from './report'

export function scriptRecall(queries: readonly BenchQuery[], found: readonly (boolean | null)[], latinFirst: readonly (boolean | null)[]): Figure[] {
  const scripts = [...new Set(queries.flatMap((q) => (q.script && q.expectId !== undefined ? [q.script] : [])))]
  return scripts.map((script) => {
    const mine = queries.flatMap((q, i) => (q.script === script && found[i] !== null ? [{ q, found: found[i] === true, latinFirst: latinFirst[i] }] : []))
    const missed = mine.filter((m) => !m.found).map((m) => m.q.text)
    const cases = [...new Set(mine.map((m) => (m.q.kind === 'typo' ? 'one-edit typo' : (m.q.case ?? ''))))]
    const ranked = mine.filter((m) => m.latinFirst !== null && m.latinFirst !== undefined)
    const misranked = ranked.filter((m) => !m.latinFirst).map((m) => m.q.text)
    const rank = ranked.length ? `; Latin-written names ranked first in ${ranked.length - misranked.length}/${ranked.length}${misranked.length ? ` (not: ${misranked.join(' | ')})` : ''}` : ''
    return {
      name: `recall, ${script} names`,
      // A misranked spelling counts as a miss: the issue wants them below the exact-script matches.
      value: (100 * mine.filter((m) => m.found && m.latinFirst !== false).length) / mine.length,
      unit: '%',
      target: 100,
      atLeast: true,
      note: `${mine.length} queries (${cases.join(', ')})${missed.length ? `; missed: ${missed.join(' | ')}` : ''}${rank}`,
    }
  })
}
