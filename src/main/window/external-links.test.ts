import { describe, expect, it } from 'vitest'
import { allowedExternalUrl } from './external-links'

describe('allowedExternalUrl', () => {
  it.each([
    ['tel:+14155551234', 'tel:+14155551234'],
    ['tel:+1 415 555 1234', 'tel:+1 415 555 1234'],
    ['mailto:sarah@example.com', 'mailto:sarah@example.com'],
    ['mailto:sarah@example.com?subject=Hello&body=Hi', 'mailto:sarah@example.com?subject=Hello&body=Hi'],
    ['https://wa.me/14155551234', 'https://wa.me/14155551234'],
    ['https://wa.me/14155551234?text=Hi', 'https://wa.me/14155551234?text=Hi'],
    ['https://t.me/sarah', 'https://t.me/sarah'],
    ['https://instagram.com/sarah', 'https://instagram.com/sarah'],
    ['https://www.instagram.com/sarah/', 'https://www.instagram.com/sarah/'],
    ['HTTPS://WA.ME/1', 'https://wa.me/1'],
    ['https://wa.me:443/1', 'https://wa.me/1'],
  ])('opens %s as %s', (raw, expected) => {
    expect(allowedExternalUrl(raw)).toBe(expected)
  })

  it.each([
    ['javascript:alert(1)', 'script URL'],
    ['JavaScript:alert(1)', 'script URL in capitals'],
    ['file:///etc/passwd', 'local file'],
    ['http://wa.me/1', 'plain http'],
    ['https://evil.com/', 'another host'],
    ['https://wa.me.evil.com/1', 'lookalike host with our host as prefix'],
    ['https://evilwa.me/1', 'lookalike host with our host as suffix'],
    ['https://t.me.evil.com/x', 'lookalike of t.me'],
    ['https://instagram.com.evil.com/x', 'lookalike of instagram'],
    ['https://m.instagram.com/x', 'unlisted subdomain'],
    ['https://wa.me./1', 'host with trailing dot'],
    ['https://user:pw@wa.me/1', 'credentials in URL'],
    ['https://user@wa.me/1', 'username in URL'],
    ['https://wa.me@evil.com/1', 'our host as username'],
    ['https://wa.me:8443/1', 'non-default port'],
    ['data:text/html,<script>alert(1)</script>', 'data URL'],
    ['ftp://wa.me/1', 'ftp'],
    ['smb://server/share', 'network share'],
    ['ms-settings:', 'OS settings scheme'],
    ['tel:+1;phone-context=x?x=1', 'tel with query'],
    ['tel:abc', 'tel without a number'],
    ['mailto:a@b.com?attach=/etc/passwd', 'mailto with an attachment'],
    ['mailto:a@b.com?Attachment=C:/secret', 'mailto with an attachment, odd case'],
    ['mailto:not-an-address', 'mailto without an address'],
    ['wa.me/1', 'no scheme'],
    ['', 'empty string'],
    ['https://', 'no host'],
  ])('refuses %s (%s)', (raw) => {
    expect(allowedExternalUrl(raw)).toBeNull()
  })
})
