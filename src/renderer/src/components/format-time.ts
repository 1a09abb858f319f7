// Dates as people read them: "24 Nov 2026, 14:05" in the page's language, "3 min ago" for recent moments.
import { localeFormats, t } from '../i18n'

/** A server timestamp (microseconds allowed) in the page's language, or undefined when unknown or unreadable. */
export function formatDateTime(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined
  const time = Date.parse(iso)
  return Number.isNaN(time) ? undefined : localeFormats().dateTime.format(time)
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
]

/** "just now", "5 minutes ago", "yesterday"… for a moment before `now`. */
export function formatAgo(iso: string, now: number = Date.now()): string {
  const relative = localeFormats().relative
  let amount = (Date.parse(iso) - now) / 1000
  if (Math.abs(amount) < 45) return t('components.time.just-now')
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit)
    amount /= size
  }
  return relative.format(Math.round(amount), 'year')
}
