// The header words that say what a column holds, in English, German, French, Spanish, Portuguese and Russian, folded once.
import { fold } from '../../search/fold'

/** Lower case, no accents, any run of punctuation as one space: "E-mail 1 - Value" → "e mail 1 value". */
export function normalizeHeader(header: string): string {
  return fold(header)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const folded = (words: string[]): Set<string> => new Set(words.map(normalizeHeader))

/** Whole headers, after normalizing, that name one target. */
export const EXACT_HEADERS = {
  name: folded([
    'name', 'full name', 'fullname', 'display name', 'contact', 'contact name', 'names',
    'kontakt', 'vollständiger name', 'kontaktname',
    'nom complet', 'nom et prénom', 'prénom et nom', 'contact',
    'nombre completo', 'nombre y apellidos', 'contacto',
    'nome', 'nome completo', 'contato',
    'фио', 'полное имя', 'имя и фамилия', 'контакт', 'ф и о',
  ]),
  firstName: folded(['first name', 'first', 'firstname', 'given name', 'given', 'forename', 'vorname', 'prénom', 'nombre', 'primeiro nome', 'имя']),
  middleName: folded(['middle name', 'middle', 'additional name', 'weitere vornamen', 'zweiter vorname', 'deuxième prénom', 'segundo nombre', 'nome do meio', 'отчество']),
  lastName: folded([
    'last name', 'last', 'lastname', 'surname', 'family name', 'nachname', 'familienname', 'nom', 'nom de famille',
    'apellido', 'apellidos', 'sobrenome', 'apelido', 'último nome', 'фамилия',
  ]),
  email: folded([
    'email', 'e-mail', 'mail', 'email address', 'e-mail address', 'e-mail-adresse', 'emailadresse', 'courriel', 'adresse e-mail',
    'adresse électronique', 'correo', 'correo electrónico', 'endereço de e-mail', 'почта', 'электронная почта', 'эл. почта',
  ]),
  channel: folded(['channel', 'type', 'messenger', 'platform', 'kanal', 'canal', 'plateforme', 'plataforma', 'канал', 'мессенджер']),
  tags: folded([
    'tags', 'tag', 'labels', 'label', 'categories', 'category', 'group', 'groups', 'group membership',
    'kategorien', 'kategorie', 'schlagworte', 'schlagwort', 'gruppen', 'gruppe',
    'étiquettes', 'étiquette', 'catégories', 'catégorie', 'groupes', 'groupe',
    'etiquetas', 'etiqueta', 'categorías', 'categoría', 'grupos', 'grupo', 'marcadores',
    'теги', 'тег', 'метки', 'категории', 'группы', 'группа',
  ]),
  note: folded([
    'note', 'notes', 'comment', 'comments', 'remark', 'remarks', 'memo',
    'notiz', 'notizen', 'bemerkung', 'bemerkungen', 'kommentar', 'anmerkung', 'anmerkungen',
    'remarque', 'remarques', 'commentaire', 'commentaires',
    'nota', 'notas', 'comentario', 'comentarios', 'observaciones', 'observações', 'observação',
    'заметка', 'заметки', 'примечание', 'примечания', 'комментарий',
  ]),
  /** Headers that look like a name or a phone but are not the contact's: a company, a nickname, a reading aid. */
  ignore: folded(['nickname', 'file as', 'organization name', 'company', 'firma', 'société', 'empresa', 'компания', 'name prefix', 'name suffix', 'title', 'job title']),
}

/** Words inside a header that make a phone column a mobile (the number a chat app uses). */
export const MOBILE_WORDS = folded(['mobile', 'mobil', 'cell', 'cellular', 'handy', 'mobiltelefon', 'portable', 'móvil', 'celular', 'telemóvel', 'iphone', 'whatsapp', 'мобильный', 'сотовый'])
/** Words inside a header that make it a phone column. */
export const PHONE_WORDS = folded(['phone', 'telephone', 'tel', 'telefon', 'teléfono', 'telefone', 'téléphone', 'tél', 'number', 'nummer', 'numéro', 'número', 'телефон', 'номер'])
/** Words that make a phone-looking column something else: fax, pager, a reading aid. */
export const NOT_A_PHONE_WORDS = folded(['fax', 'telefax', 'télécopie', 'pager', 'récepteur', 'telex', 'isdn', 'tty', 'radio', 'callback', 'yomi', 'phonetic', 'assistant', 'факс'])
/** Words inside a header that make it an email column, unless it is the address's type or display name. */
export const EMAIL_WORDS = folded(['email', 'e-mail', 'mail', 'courriel', 'messagerie', 'correo', 'почта'])
/** An email address's type or display name ("E-mail Type", "E-Mail: Angezeigter Name", "Tipo de correo electrónico"). */
export const NOT_AN_EMAIL_WORDS = folded([
  'type', 'label', 'display', 'name', 'typ', 'angezeigter', 'nom', 'complet', 'tipo', 'nombre', 'mostrar', 'nome', 'exibição', 'тип', 'имя', 'краткое',
])

/** Parts of longer words (German compounds like "Handynummer", "Mobilnummer", "Telefonnummer"). */
export const MOBILE_STEMS = ['mobil', 'handy', 'cell', 'movil', 'celular', 'мобил', 'сотов']
export const PHONE_STEMS = ['phone', 'telefon', 'телефон']
export const EMAIL_STEMS = ['mail', 'почт']

/** A cell's words in a phone label ("Mobile", "Handy", "cell") that mark the number as a mobile. */
export function isMobileLabel(label: string): boolean {
  return normalizeHeader(label)
    .split(' ')
    .some((word) => MOBILE_WORDS.has(word))
}
