// Turns a file's bytes into text: UTF-8 (BOM or not), UTF-16 (Excel's "Unicode text"), else Windows-1252; refuses what is not text.
import { importErrors, MAX_FILE_BYTES, readOk, type ImportResult } from './import-error'
import { decodeWindows1252 } from './windows-1252'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  /** Without the byte order mark. */
  text: string
  encoding: TextEncodingName
}

/** Bytes looked at to tell text from binary and to spot UTF-16 without a BOM. */
const SAMPLE_BYTES = 64 * 1024
/** Control characters (other than tab, newlines, form feed) above this share of the sample mean binary. */
const MAX_CONTROL_SHARE = 0.01

const startsWith = (bytes: Uint8Array, ...prefix: number[]): boolean => prefix.every((byte, i) => bytes[i] === byte)

/** Zip (xlsx, numbers, ods) and OLE (xls) containers: spreadsheets saved in their own format. */
const isWorkbook = (bytes: Uint8Array): boolean =>
  startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)

/** UTF-16 without a BOM: in Latin-script text every other byte is zero. */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1
  if (length < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = length / 2
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be'
  return null
}

function swapBytes(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length & ~1)
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!
    swapped[i + 1] = bytes[i]!
  }
  return swapped
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  // Big-endian is swapped by hand: not every runtime's TextDecoder knows utf-16be.
  return new TextDecoder('utf-16le').decode(encoding === 'utf-16be' ? swapBytes(bytes) : bytes)
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SAMPLE_BYTES).includes(0)
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE_BYTES)
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd
    if (isControl) controls++
  }
  return controls > Math.max(2, sample.length * MAX_CONTROL_SHARE)
}

function decodeByBom(bytes: Uint8Array): DecodedText | null {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (startsWith(bytes, 0xff, 0xfe)) return { text: decodeUtf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' }
  if (startsWith(bytes, 0xfe, 0xff)) return { text: decodeUtf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' }
  return null
}

function decodeWithoutBom(bytes: Uint8Array): DecodedText | null {
  const utf16 = bomlessUtf16(bytes)
  if (utf16) return { text: decodeUtf16(bytes, utf16), encoding: utf16 }
  if (hasNul(bytes)) return null
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    // Not valid UTF-8: an older Excel or Outlook on Windows saved it in the ANSI code page.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  }
}

export function decodeText(bytes: Uint8Array): ImportResult<DecodedText> {
  if (bytes.length > MAX_FILE_BYTES) return importErrors.tooLarge(bytes.length)
  if (bytes.length === 0) return importErrors.empty()
  if (isWorkbook(bytes)) return importErrors.spreadsheet()
  const decoded = decodeByBom(bytes) ?? decodeWithoutBom(bytes)
  if (!decoded || looksBinary(decoded.text)) return importErrors.binary()
  if (decoded.text.trim() === '') return importErrors.empty()
  return readOk(decoded)
}
