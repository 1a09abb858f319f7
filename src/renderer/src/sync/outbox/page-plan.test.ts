import { describe, expect, it } from 'vitest'
import { afterPage, joinPlan, nextPage, planHolds, type PagePlan, type PageRead } from './page-plan'

const fair = { tag: 'fair' }
const read = (plan: PagePlan, rows: number, total: number, extra: Partial<PageRead> = {}): PageRead => ({
  pageSize: 100,
  start: nextPage(plan, 100).start,
  rows,
  total,
  left: 0,
  hits: rows,
  swept: new Set(plan.ranges.map((range) => range.first)),
  ...extra,
})

describe('page plans', () => {
  it('shares one sweep among bulk edits over the same query, and starts another for another query', () => {
    const plans = joinPlan(joinPlan(joinPlan([], fair, { first: 1, last: 2000 }, 2000), { tag: 'FAIR' }, { first: 2001, last: 4000 }, 2000), { search: 'ada' }, { first: 4001, last: 4010 }, 10)
    expect(plans).toHaveLength(2)
    expect(plans[0]).toMatchObject({ id: 1, targets: 4000 })
    expect(planHolds(plans[0], 2500)).toBe(true)
    expect(planHolds(plans[0], 4005)).toBe(false)
  })

  it('reads page after page and ends when the lap is done', () => {
    let plan: PagePlan | null = joinPlan([], fair, { first: 1, last: 250 }, 250)[0]
    plan = afterPage(plan, read(plan, 100, 250))
    expect(plan && nextPage(plan, 100)).toEqual({ page: 2, start: 100 })
    plan = afterPage(plan!, read(plan!, 100, 250))
    expect(afterPage(plan!, read(plan!, 50, 250))).toBeNull()
  })

  it('starts the next page earlier by the rows its writes took out of the list', () => {
    const plan = joinPlan([], fair, { first: 1, last: 300 }, 300)[0]
    const after = afterPage(plan, read(plan, 100, 300, { left: 100 }))
    expect(after && nextPage(after, 100)).toEqual({ page: 1, start: 0 })
    const partly = afterPage(plan, read(plan, 100, 300, { left: 30 }))
    expect(partly?.offset).toBe(70)
  })

  it('comes back round for a bulk edit that joined mid-way, and only that far', () => {
    let plans = joinPlan([], fair, { first: 1, last: 300 }, 300)
    plans = [afterPage(plans[0], read(plans[0], 100, 300))!]
    plans = joinPlan(plans, fair, { first: 301, last: 600 }, 300)
    let plan: PagePlan | null = plans[0]
    plan = afterPage(plan, read(plan, 100, 300))
    plan = afterPage(plan!, read(plan!, 100, 300))
    // The first edit's lap is done; the second's goes on from the top until where it joined.
    expect(plan).toMatchObject({ offset: 0, ranges: [{ first: 301, from: 100, wrapped: true }] })
    expect(afterPage(plan!, read(plan!, 100, 300))).toBeNull()
  })

  it('stops reading when the pages rebase fewer intents than they cost, or more pages are left than intents', () => {
    const plan = joinPlan([], { search: 'ann' }, { first: 1, last: 20 }, 20)[0]
    expect(afterPage(plan, read(plan, 100, 5000, { hits: 0 }))).toBeNull()
    expect(afterPage(plan, read(plan, 100, 5000, { hits: 3 }))).toBeNull()
    expect(afterPage(plan, read(plan, 100, 500, { hits: 10 }))).toMatchObject({ offset: 100, hits: 10, pagesRead: 1 })
  })
})
