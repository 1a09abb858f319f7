// Decodes quoted-printable (vCard 2.1, as Android writes non-ASCII names) into text of the declared charset.
import { decodeWindows1252, isWindows1252Label } from './windows-1252'

/** "=C3=BC" → bytes; soft line breaks are joined before this (see vcard-lines). A stray "=" stays as it is. */
export function quotedPrintableBytes(encoded: string): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i)
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(encoded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16))
      i += 2
    } else if (c < 0x80) bytes.push(c)
    else bytes.push(...new TextEncoder().encode(encoded[i]))
  }
  return Uint8Array.from(bytes)
}

/** Bytes in the vCard's CHARSET (UTF-8 when none is given, as Android and iOS write). */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  if (charset && isWindows1252Label(charset)) return decodeWindows1252(bytes)
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

export function decodeQuotedPrintable(encoded: string, charset: string | undefined): string {
  return decodeCharset(quotedPrintableBytes(encoded), charset)
}
