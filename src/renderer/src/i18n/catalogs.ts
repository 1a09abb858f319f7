// Every message catalog of the page, gathered at build time: each room's messages/<language>.json, and the shared ones.
import { LOCALES, type AppLocale } from '../../../shared/i18n/locales'
import type { Catalog, Catalogs } from '../../../shared/i18n/message-format'

const files = {
  ...import.meta.glob<Catalog>('../**/messages/*.json', { eager: true, import: 'default' }),
  ...import.meta.glob<Catalog>('../../../shared/messages/*.json', { eager: true, import: 'default' }),
}

function gather(): Catalogs {
  const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, {} as Record<string, string>])) as Record<AppLocale, Record<string, string>>
  for (const [path, catalog] of Object.entries(files)) {
    const locale = path.slice(path.lastIndexOf('/') + 1, -'.json'.length)
    if (locale in catalogs) Object.assign(catalogs[locale as AppLocale], catalog)
  }
  return catalogs
}

export const CATALOGS: Catalogs = gather()
