// Reads a Chromium profile's IndexedDB files as an attacker with the disk would: LevelDB logs and tables (Snappy
// blocks decompressed), blob files, and IndexedDB values Chromium compressed itself; then looks for known text.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unsnappy } from './snappy'

const LOG_BLOCK = 32 * 1024
const LOG_HEADER = 7

/** A LevelDB .log file's records, their fragments (split at 32 KB block borders) joined again. */
function logRecords(file: Uint8Array): Uint8Array[] {
  const records: Uint8Array[] = []
  let pending: Uint8Array[] = []
  for (let block = 0; block < file.length; block += LOG_BLOCK) {
    let pos = block
    const end = Math.min(block + LOG_BLOCK, file.length)
    while (pos + LOG_HEADER <= end) {
      const length = file[pos + 4]! | (file[pos + 5]! << 8)
      const type = file[pos + 6]!
      if (type === 0 && length === 0) break // zero padding at the end of a block
      const data = file.subarray(pos + LOG_HEADER, pos + LOG_HEADER + length)
      pos += LOG_HEADER + length
      if (type === 1) records.push(data)
      else if (type === 2) pending = [data]
      else if (type === 3) pending.push(data)
      else if (type === 4) {
        pending.push(data)
        records.push(Buffer.concat(pending))
        pending = []
      }
    }
  }
  return records
}

function varint(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at.pos++]!
    value += (byte & 0x7f) * 2 ** shift
    if (byte < 0x80) return value
  }
}

/** One block of a LevelDB table, decompressed when its trailer says Snappy. */
function tableBlock(file: Uint8Array, offset: number, size: number): Uint8Array {
  const data = file.subarray(offset, offset + size)
  return file[offset + size] === 1 ? unsnappy(data) : data
}

/** A LevelDB .ldb table's data blocks, found through its footer and index block. */
function tableBlocks(file: Uint8Array): Uint8Array[] {
  const footer = { pos: file.length - 48 }
  varint(file, footer) // metaindex offset
  varint(file, footer) // metaindex size
  const index = tableBlock(file, varint(file, footer), varint(file, footer))
  const restarts = index[index.length - 4]! | (index[index.length - 3]! << 8) | (index[index.length - 2]! << 16) | (index[index.length - 1]! << 24)
  const entriesEnd = index.length - 4 - 4 * restarts
  const blocks: Uint8Array[] = [index]
  const at = { pos: 0 }
  while (at.pos < entriesEnd) {
    varint(index, at) // shared key bytes
    const keyBytes = varint(index, at)
    const valueBytes = varint(index, at)
    at.pos += keyBytes
    const handle = { pos: at.pos }
    blocks.push(tableBlock(file, varint(index, handle), varint(index, handle)))
    at.pos += valueBytes
  }
  return blocks
}

/** Chromium's marker for an IndexedDB value it compressed with Snappy: V8's version tag, a pseudo-version, "snappy". */
const COMPRESSED_VALUE = [0xff, 0x11, 0x02]

/** Every value inside `bytes` that Chromium compressed, decompressed (tried at each marker; a false match is skipped). */
function compressedValues(bytes: Uint8Array): Uint8Array[] {
  const found: Uint8Array[] = []
  for (let i = bytes.indexOf(COMPRESSED_VALUE[0]!); i !== -1 && i + 3 < bytes.length; i = bytes.indexOf(COMPRESSED_VALUE[0]!, i + 1)) {
    if (bytes[i + 1] !== COMPRESSED_VALUE[1] || bytes[i + 2] !== COMPRESSED_VALUE[2]) continue
    try {
      found.push(unsnappy(bytes, i + 3))
    } catch {
      // not a compressed value after all
    }
  }
  return found
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

/** Everything readable in a profile's IndexedDB folder, as byte buffers: raw files, their records, blocks and values. */
export async function profileContents(profileDir: string): Promise<Uint8Array[]> {
  const contents: Uint8Array[] = []
  for (const path of await filesUnder(join(profileDir, 'Default', 'IndexedDB'))) {
    const file = new Uint8Array(await readFile(path))
    const parts: Uint8Array[] = [file]
    if (path.endsWith('.log')) parts.push(...logRecords(file))
    if (path.endsWith('.ldb') || path.endsWith('.sst')) parts.push(...tableBlocks(file))
    for (const part of parts) contents.push(part, ...compressedValues(part))
  }
  return contents
}

/** The needles found anywhere in `contents`, as Latin-1/UTF-8 or as UTF-16 (V8 stores a string one way or the other). */
export function foundIn(contents: readonly Uint8Array[], needles: readonly string[]): string[] {
  const haystacks = contents.map((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  return needles.filter((needle) => {
    // Latin-1 only for text it can hold: it would cut 刘敏 to two bytes, which any ciphertext contains by chance.
    const oneByte = [...needle].every((char) => char.charCodeAt(0) <= 0xff)
    const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le'), ...(oneByte ? [Buffer.from(needle, 'latin1')] : [])]
    return haystacks.some((haystack) => forms.some((form) => haystack.includes(form)))
  })
}
