// Decides which links the app may hand to the operating system: chat, phone and mail only.
const HTTPS_HOSTS = new Set(['wa.me', 't.me', 'instagram.com', 'www.instagram.com'])
const MAILTO_PARAMS = new Set(['subject', 'body', 'cc', 'bcc'])
const PHONE = /^\+?[0-9][0-9 ().-]{0,31}$/
const ADDRESS = /^[^\s@,<>]+@[^\s@,<>]+$/

/**
 * Returns the normalised URL to open, or null when the link is refused.
 * The parsed form is what gets opened, so the OS sees exactly what was checked
 * (no parser differences between our check and the handler that opens it).
 */
export function allowedExternalUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.username || url.password) return null
  switch (url.protocol) {
    case 'https:':
      // Exact host match: a suffix or prefix test would let wa.me.evil.com through.
      return HTTPS_HOSTS.has(url.hostname) && url.port === '' ? url.href : null
    case 'tel:':
      return !url.search && !url.hash && PHONE.test(decodeURIComponent(url.pathname)) ? url.href : null
    case 'mailto:':
      return isSafeMailto(url) ? url.href : null
    default:
      return null
  }
}

// Some mail clients honour `attach=` and friends, which would mail out local files.
function isSafeMailto(url: URL): boolean {
  if (url.hash) return false
  const addresses = decodeURIComponent(url.pathname).split(',')
  if (!addresses.every((address) => ADDRESS.test(address.trim()))) return false
  return [...url.searchParams.keys()].every((key) => MAILTO_PARAMS.has(key.toLowerCase()))
}
