import { afterEach, describe, expect, it } from 'vitest'
import { setAppLocale } from '../../i18n'
import { toCandidate } from './candidate'
import { importErrors } from './import-error'
import { duplicateText, importErrorText, issueText } from './import-words'
import { emptyRecord } from './source-record'

afterEach(() => setAppLocale('en'))

const row = toCandidate(
  { ...emptyRecord(4), name: { value: 'Anna', column: 'Name' }, phones: [{ value: '12', column: 'Handy', mobile: true }], emails: [{ value: 'anna@', column: 'E-Mail' }] },
  { defaultCountry: 'DE', defaultChannel: 'whatsapp', importTag: '' },
)
const refusal = (result: ReturnType<typeof importErrors.binary>) => (result.ok ? '' : importErrorText(result.error))

describe('the import in words', () => {
  it('keeps the reasons of an invalid row as codes, and says them in the language shown', () => {
    expect(row.issues.map((issue) => issue.reason)).toEqual(['phone_too_short', 'email_invalid'])
    expect(row.issues.map(issueText)).toEqual(['This number is too short (Germany): check for a missing or extra digit.', 'Email is not a valid address.'])
    setAppLocale('de')
    expect(issueText(row.issues[1]!)).toBe('Die E-Mail-Adresse ist ungültig.')
    expect(issueText({ reason: 'phone_required', channel: 'telegram' })).toBe('Für Telegram ist eine Telefonnummer nötig.')
    expect(issueText({ reason: 'tag_too_long', tag: 'messe' })).toBe('„messe“: Ein Tag hat höchstens 50 Zeichen.')
    setAppLocale('ar')
    expect(issueText(row.issues[1]!)).toBe('البريد الإلكتروني ليس عنوانًا صالحًا.')
  })

  it('refuses a file in German, with its numbers as German writes them', () => {
    setAppLocale('de')
    expect(refusal(importErrors.binary())).toBe('Diese Datei ist kein Text: Wählen Sie eine CSV-Datei (.csv, .txt) oder eine vCard-Datei (.vcf).')
    expect(refusal(importErrors.tooLarge(200 * 1024 * 1024))).toMatch(/^Die Datei ist 200 MB groß; importiert werden können Dateien bis 50 MB\./)
    expect(refusal(importErrors.tooManyRows(100_000))).toMatch(/^Die Datei enthält mehr als 100\.000 Kontakte;/)
  })

  it('says the row limit with the plural form Russian needs', () => {
    setAppLocale('ru')
    expect(refusal(importErrors.tooManyRows(100_000))).toMatch(/^В файле больше 100\s000 контактов;/)
    expect(refusal(importErrors.tooManyRows(21))).toMatch(/^В файле больше 21 контакта;/)
  })

  it('names the reason of a likely duplicate in one sentence', () => {
    const target = { kind: 'row', row: 3 } as const
    expect(duplicateText('email', target)).toBe('same email as row 3 of this file')
    setAppLocale('de')
    expect(duplicateText('email', target)).toBe('gleiche E-Mail wie Zeile 3 dieser Datei')
  })
})
