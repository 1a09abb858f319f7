// Evaluated in the real app page by bench/run.ts: scrolls the contacts table one step per frame and times every frame.
import { ROW_HEIGHT } from '../../src/renderer/src/features/contacts/table-geometry'

export interface ScrollPlan {
  /** Pixels scrolled per frame in the continuous parts. */
  stepPx: number
  /** Frames scrolling down from the top; the same count scrolls up from the end. */
  continuousFrames: number
  /** Frames held still after each jump (to the far end, to the middle). */
  holdFrames: number
  /** Frames timed before the scroll, nothing moving: this machine's frame interval at rest. */
  idleFrames: number
}

/** What the view showed at a row a frame after it was scrolled to. */
type RowState = 'row' | 'loading' | 'missing'

export interface ScrollResult {
  /** Every frame interval (ms, requestAnimationFrame timestamps) while scrolling. */
  intervals: number[]
  /** Frame intervals at rest, before the scroll. */
  idleIntervals: number[]
  total: number
  viewportHeight: number
  /** Distinct rows the scroll passed over (continuous parts only). */
  rowsScrolled: number
  frames: number
  /** Frames where the first or last row in view was not in the DOM (the render lagged the scroll). */
  missingFrames: number
  /** Frames where the first or last row in view was still a loading placeholder. */
  loadingFrames: number
  /** The table's last row after the jump to the far end: its name, and how many frames until it showed. */
  lastRow: { index: number; name: string | null; framesToName: number | null }
  /** A row in the middle after the jump there. */
  middleRow: { index: number; name: string | null; framesToName: number | null }
  /**
   * The app's own script per scroll event (ms): from a capturing listener on the document to a
   * listener on the table added after the app's, so the app's handler and the render it queued
   * (a microtask) are inside; style, layout and paint are not.
   */
  scrollWork: number[]
  /** Long tasks (over 50 ms) on the page's main thread during the scroll. */
  longTasks: number[]
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

function rowState(index: number): { state: RowState; name: string | null } {
  const el = document.getElementById(`contact-row-${index}`)
  if (!el) return { state: 'missing', name: null }
  if (el.dataset.test !== 'contact-row') return { state: 'loading', name: null }
  const name = el.querySelector('.row__name .row__text')?.textContent?.trim() ?? ''
  return { state: 'row', name: name || null }
}

async function run(plan: ScrollPlan): Promise<ScrollResult> {
  const grid = document.querySelector<HTMLElement>('[data-test="contact-table"]')
  // The grid scrolls itself, under its sticky header.
  const scroller = grid
  if (!grid || !scroller) throw new Error('the contacts table is not on the page')
  const total = Number(grid.getAttribute('aria-rowcount')) - 1
  const viewportHeight = scroller.clientHeight - (grid.querySelector<HTMLElement>('[aria-rowindex="1"]')?.offsetHeight ?? 0)
  const maxTop = scroller.scrollHeight - scroller.clientHeight
  if (total < 1000 || maxTop <= 0) throw new Error(`the table is not scrollable (${total} rows, max scrollTop ${maxTop})`)

  scroller.scrollTop = 0
  for (let i = 0; i < 10; i++) await nextFrame()
  const idleIntervals: number[] = []
  let previous = await nextFrame()
  for (let i = 0; i < plan.idleFrames; i++) {
    const now = await nextFrame()
    idleIntervals.push(now - previous)
    previous = now
  }

  // The scrollTop of every frame: down from the top, a jump to the far end, up from there, a jump to the middle.
  const lastRowIndex = total - 1
  const middleTop = Math.round(maxTop / 2 / ROW_HEIGHT) * ROW_HEIGHT
  const middleIndex = middleTop / ROW_HEIGHT
  const tops: number[] = []
  for (let i = 1; i <= plan.continuousFrames; i++) tops.push(Math.min(maxTop, i * plan.stepPx))
  const endFrom = tops.length
  for (let i = 0; i < plan.holdFrames; i++) tops.push(maxTop)
  for (let i = 1; i <= plan.continuousFrames; i++) tops.push(Math.max(0, maxTop - i * plan.stepPx))
  const middleFrom = tops.length
  for (let i = 0; i < plan.holdFrames; i++) tops.push(middleTop)

  const scrollWork: number[] = []
  let eventStart = 0
  const onScrollStart = (event: Event) => {
    if (event.target === scroller) eventStart = performance.now()
  }
  const onScrollEnd = () => scrollWork.push(performance.now() - eventStart)
  document.addEventListener('scroll', onScrollStart, { capture: true, passive: true })
  scroller.addEventListener('scroll', onScrollEnd, { passive: true })
  const longTasks: number[] = []
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)))
  observer.observe({ type: 'longtask' })

  const intervals: number[] = []
  let missingFrames = 0
  let loadingFrames = 0
  const lastRow = { index: lastRowIndex, name: null as string | null, framesToName: null as number | null }
  const middleRow = { index: middleIndex, name: null as string | null, framesToName: null as number | null }
  previous = await nextFrame()
  scroller.scrollTop = tops[0]
  for (let frame = 1; frame <= tops.length; frame++) {
    const now = await nextFrame()
    intervals.push(now - previous)
    previous = now
    // The scroll set last frame has had its scroll event and the app's render: what this frame paints.
    const shown = tops[frame - 1]
    const first = rowState(Math.floor(shown / ROW_HEIGHT))
    const last = rowState(Math.min(lastRowIndex, Math.floor((shown + viewportHeight - 1) / ROW_HEIGHT)))
    if (first.state === 'missing' || last.state === 'missing') missingFrames++
    else if (first.state === 'loading' || last.state === 'loading') loadingFrames++
    if (frame > endFrom && lastRow.name === null && frame <= endFrom + plan.holdFrames) {
      const end = rowState(lastRowIndex)
      if (end.name) Object.assign(lastRow, { name: end.name, framesToName: frame - endFrom })
    }
    if (frame > middleFrom && middleRow.name === null) {
      const middle = rowState(middleIndex)
      if (middle.name) Object.assign(middleRow, { name: middle.name, framesToName: frame - middleFrom })
    }
    if (frame < tops.length) scroller.scrollTop = tops[frame]
  }
  document.removeEventListener('scroll', onScrollStart, { capture: true })
  scroller.removeEventListener('scroll', onScrollEnd)
  observer.takeRecords().forEach((entry) => longTasks.push(entry.duration))
  observer.disconnect()
  return {
    intervals,
    idleIntervals,
    total,
    viewportHeight,
    rowsScrolled: Math.round((2 * plan.continuousFrames * plan.stepPx) / ROW_HEIGHT),
    frames: intervals.length,
    missingFrames,
    loadingFrames,
    lastRow,
    middleRow,
    scrollWork,
    longTasks,
  }
}

Object.assign(window, { benchScroll: { run } })
