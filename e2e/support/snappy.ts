// A raw Snappy decompressor (the format LevelDB blocks and Chromium's IndexedDB values use), enough to read a profile.

/** Decompresses one raw Snappy stream starting at `from`; bytes after it are ignored. Throws on a malformed stream. */
export function unsnappy(input: Uint8Array, from = 0): Uint8Array {
  let pos = from
  let length = 0
  for (let shift = 0; ; shift += 7) {
    if (pos >= input.length || shift > 28) throw new Error('snappy: bad length')
    const byte = input[pos++]!
    length |= (byte & 0x7f) << shift
    if (byte < 0x80) break
  }
  if (length > 64 * 1024 * 1024) throw new Error('snappy: implausible length')
  const out = new Uint8Array(length)
  let at = 0
  const readLE = (bytes: number) => {
    if (pos + bytes > input.length) throw new Error('snappy: truncated')
    let value = 0
    for (let i = 0; i < bytes; i++) value += input[pos++]! * 2 ** (8 * i)
    return value
  }
  while (at < length) {
    if (pos >= input.length) throw new Error('snappy: truncated')
    const tag = input[pos++]!
    const kind = tag & 3
    if (kind === 0) {
      let size = tag >> 2
      if (size >= 60) size = readLE(size - 59)
      size += 1
      if (pos + size > input.length || at + size > length) throw new Error('snappy: bad literal')
      out.set(input.subarray(pos, pos + size), at)
      pos += size
      at += size
      continue
    }
    let size: number
    let offset: number
    if (kind === 1) {
      size = ((tag >> 2) & 7) + 4
      offset = ((tag >> 5) << 8) | readLE(1)
    } else {
      size = (tag >> 2) + 1
      offset = readLE(kind === 2 ? 2 : 4)
    }
    if (offset === 0 || offset > at || at + size > length) throw new Error('snappy: bad copy')
    for (let i = 0; i < size; i++, at++) out[at] = out[at - offset]!
  }
  return out
}
