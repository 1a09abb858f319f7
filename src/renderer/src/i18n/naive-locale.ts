// naive-ui's own words (date pickers, empty states, pagination) and date locale for the page's language.
import { arDZ, dateArDZ, dateDeDE, dateEnUS, dateEsES, dateFrFR, datePtBR, dateRuRU, deDE, enUS, esES, frFR, ptBR, ruRU } from 'naive-ui'
import type { NDateLocale, NLocale } from 'naive-ui'
import type { AppLocale } from '../../../shared/i18n/locales'

export const NAIVE_LOCALES: Record<AppLocale, { locale: NLocale; dateLocale: NDateLocale }> = {
  en: { locale: enUS, dateLocale: dateEnUS },
  de: { locale: deDE, dateLocale: dateDeDE },
  es: { locale: esES, dateLocale: dateEsES },
  fr: { locale: frFR, dateLocale: dateFrFR },
  'pt-BR': { locale: ptBR, dateLocale: datePtBR },
  ru: { locale: ruRU, dateLocale: dateRuRU },
  ar: { locale: arDZ, dateLocale: dateArDZ },
}
