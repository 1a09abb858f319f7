// Main's words in the app's language: the shared and main catalogs (bundled), and the language the page says it speaks;
// the shared rules main validates with speak it too, so a refusal main sends reads in the user's language.
import { DEFAULT_LOCALE, type AppLocale } from '../../shared/i18n/locales'
import { translator, type Catalog, type Catalogs } from '../../shared/i18n/message-format'
import { speakRulesWith } from '../../shared/rule-words'
import sharedAr from '../../shared/messages/ar.json'
import sharedDe from '../../shared/messages/de.json'
import sharedEn from '../../shared/messages/en.json'
import sharedEs from '../../shared/messages/es.json'
import sharedFr from '../../shared/messages/fr.json'
import sharedPtBr from '../../shared/messages/pt-BR.json'
import sharedRu from '../../shared/messages/ru.json'
import mainAr from '../messages/ar.json'
import mainDe from '../messages/de.json'
import mainEn from '../messages/en.json'
import mainEs from '../messages/es.json'
import mainFr from '../messages/fr.json'
import mainPtBr from '../messages/pt-BR.json'
import mainRu from '../messages/ru.json'

const both = (shared: Catalog, main: Catalog): Catalog => ({ ...shared, ...main })

const CATALOGS: Catalogs = {
  en: both(sharedEn, mainEn),
  de: both(sharedDe, mainDe),
  es: both(sharedEs, mainEs),
  fr: both(sharedFr, mainFr),
  'pt-BR': both(sharedPtBr, mainPtBr),
  ru: both(sharedRu, mainRu),
  ar: both(sharedAr, mainAr),
}

let locale: AppLocale = DEFAULT_LOCALE

/** The language main speaks: the system's at start, then the one the page uses (the user may choose another in Settings). */
export const desktopLocale = (): AppLocale => locale

export function setDesktopLocale(next: AppLocale): void {
  locale = next
}

/** `desktopText('main.quit.quit')` → "Quit" in main's current language; read each time the text is shown. */
export const desktopText = translator(CATALOGS, desktopLocale)

speakRulesWith(desktopText)
