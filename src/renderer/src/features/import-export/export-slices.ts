// Runs an export generator slice by slice, giving the window back between slices, with progress and a way to cancel.

/** One slice of an export: its text and how many contacts are written once it is. */
export interface ExportSlice {
  text: string
  written: number
}

/** Contacts per slice: about 10 ms of work, so the window stays responsive. */
export const EXPORT_SLICE_SIZE = 1000

export interface CollectOptions {
  onProgress?: (written: number) => void
  signal?: AbortSignal
  /** Waits between slices; default a macrotask, which lets the window paint and take input. */
  pause?: () => Promise<void>
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** The whole export as its slices' texts (join them, or hand them to a Blob); null when cancelled. */
export async function collectSlices(slices: Iterable<ExportSlice>, options: CollectOptions = {}): Promise<string[] | null> {
  const pause = options.pause ?? nextTask
  const parts: string[] = []
  for (const slice of slices) {
    parts.push(slice.text)
    options.onProgress?.(slice.written)
    await pause()
    // Checked before the next slice is written, so a cancel costs no more work.
    if (options.signal?.aborted) return null
  }
  return parts
}

/** Groups `items` into arrays of `size`: the slices the exports write. */
export function* inGroups<T>(items: Iterable<T>, size: number = EXPORT_SLICE_SIZE): Generator<T[]> {
  let group: T[] = []
  for (const item of items) {
    group.push(item)
    if (group.length >= size) {
      yield group
      group = []
    }
  }
  if (group.length) yield group
}
