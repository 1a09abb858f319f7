// Why search stopped answering, as a code worded when shown (the browser's own words about a dead worker kept as a detail).
import { i18n, t } from '../i18n'

export type SearchStop = { code: 'workerFailed'; detail: string } | { code: 'closed' }

const STOP_TEXT: Record<SearchStop['code'], string> = { workerFailed: 'search.stop.workerFailed', closed: 'search.stop.closed' }
const valuesOf = ({ code: _code, ...values }: SearchStop): Record<string, string> => values

/** Every call still waiting, and every later one, fails with this; its `message` is English, for the log. */
export class SearchStopped extends Error {
  constructor(readonly stop: SearchStop) {
    super(i18n.global.t(STOP_TEXT[stop.code], valuesOf(stop), { locale: 'en' }))
    this.name = 'SearchStopped'
  }
}

/** What a person reads for a failed search: ours in the current language, any other error's words as they came. */
export function searchErrorText(cause: unknown): string {
  if (cause instanceof SearchStopped) return t(STOP_TEXT[cause.stop.code], valuesOf(cause.stop))
  return cause instanceof Error ? cause.message : String(cause)
}
