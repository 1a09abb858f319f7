// The slices an export's text is written in: a group of contacts at a time, each slice counting the contacts written once it is.

/** One slice of an export: its text and how many contacts are written once it is. */
export interface ExportSlice {
  text: string
  written: number
}

/** Contacts per slice: the export worker joins slices into chunks for main, and reports progress by them. */
export const EXPORT_SLICE_SIZE = 1000

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
