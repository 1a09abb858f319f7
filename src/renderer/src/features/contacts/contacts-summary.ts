// The line above the table: how many contacts there are, how many match, or how many the preview found, in the page's language.
import { t } from '../../i18n'

export interface SummaryState {
  loaded: boolean
  hasQuery: boolean
  /** False while rows come from the first-names preview. */
  ready: boolean
  total: number
  /** Matches left out because the status or channel filtered on is not known yet. */
  unknown: number
}

export function contactsSummary({ loaded, hasQuery, ready, total: count, unknown }: SummaryState): string {
  if (!loaded) return ''
  if (!hasQuery) return t('contacts.summary.all', { count })
  if (!ready) return t('contacts.summary.preview', { count })
  if (unknown > 0) return t('contacts.summary.matches-unknown', { count, unknown })
  return t('contacts.summary.matches', { count })
}
