// The contact table's arithmetic: which rows a scroll position shows, where a key moves the focus, how to keep it in view.

/** Every row has this height (px): virtual scrolling places rows by index. */
export const ROW_HEIGHT = 40
/** Rows rendered above and below the viewport, so a fast scroll never shows blank space. */
export const OVERSCAN = 8

export interface RowRange {
  start: number
  end: number
}

/** The rows [start, end) to render for a scroll position. */
export function rowRange(scrollTop: number, viewportHeight: number, total: number): RowRange {
  const first = Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT)
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / ROW_HEIGHT)
  const start = Math.min(total, Math.max(0, first - OVERSCAN))
  const end = Math.min(total, last + OVERSCAN)
  return { start, end: Math.max(start, end) }
}

/** Where a paging key moves the focus, or null when the key is not one (row steps are keymap commands). */
export function targetIndex(key: string, focus: number, total: number, pageRows: number): number | null {
  if (total === 0) return null
  const last = total - 1
  const clamp = (index: number) => Math.min(last, Math.max(0, index))
  switch (key) {
    case 'PageDown':
      return clamp(focus + pageRows)
    case 'PageUp':
      return clamp(focus - pageRows)
    case 'Home':
      return 0
    case 'End':
      return last
    default:
      return null
  }
}

/** The scrollTop that shows row `index` whole, moving as little as possible. */
export function scrollTopToShow(index: number, scrollTop: number, viewportHeight: number): number {
  const top = index * ROW_HEIGHT
  const bottom = top + ROW_HEIGHT
  // Too small to hold a row (not laid out yet): its top edge is the best there is.
  if (top < scrollTop || viewportHeight < ROW_HEIGHT) return top
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight)
  return scrollTop
}
