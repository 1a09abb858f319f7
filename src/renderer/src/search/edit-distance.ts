// Bounded optimal-string-alignment distance: a swap of two neighbouring letters counts as one edit.

/** True when `a` and `b` are at most `max` edits apart (insert, delete, substitute, swap). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false
  if (a === b) return true
  const n = b.length
  let prevPrev = new Int32Array(n + 1)
  let prev = new Int32Array(n + 1)
  let curr = new Int32Array(n + 1)
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i
    let rowMin = curr[0]
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let d = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1)
      curr[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > max) return false
    ;[prevPrev, prev, curr] = [prev, curr, prevPrev]
  }
  return prev[n] <= max
}

/** Edits a typed word may carry and still match: none under 4 letters, two from 8. */
export function allowedEdits(word: string): number {
  if (word.length < 4) return 0
  return word.length >= 8 ? 2 : 1
}
