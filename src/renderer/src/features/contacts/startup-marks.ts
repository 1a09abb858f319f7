// Performance marks the benchmark reads from the real app: when the first contact rows were on screen.

export const FIRST_ROWS_MARK = 'skylight:first-rows'

/** Marks the first rows once per page load; later calls do nothing. */
export function markFirstRows(): void {
  if (performance.getEntriesByName(FIRST_ROWS_MARK, 'mark').length === 0) performance.mark(FIRST_ROWS_MARK)
}
