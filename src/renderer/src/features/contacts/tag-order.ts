// The order tags are offered in (filter, tag picker, form): most used first, then in the alphabet of the page's language.
import type { TagCount } from '../../search/search-client'
import { localeFormats } from '../../i18n'

export function inTagOrder(tags: readonly TagCount[]): TagCount[] {
  const { collator } = localeFormats()
  return [...tags].sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag))
}
