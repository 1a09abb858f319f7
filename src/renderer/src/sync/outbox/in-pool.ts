// Runs a task per item, a few at once: the replayer's contacts, and the contacts of one list page.

/** Runs `task` for every item, at most `limit` at once; false when any task reported a failure. */
export async function inPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<boolean>): Promise<boolean> {
  let next = 0
  let allOk = true
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]
      if (!(await task(item))) allOk = false
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return allOk
}
