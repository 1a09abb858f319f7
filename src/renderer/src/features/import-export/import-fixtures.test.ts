import { describe, expect, it } from 'vitest'
import type { PreviewRow } from './import-preview'
import { previewFixture, readFixture } from './test-support/fixture-file'

const drafts = (rows: PreviewRow[]) => rows.map((row) => ({ row: row.candidate.row, status: row.status, ...row.candidate.draft }))
const TAG = 'import-2026-03-04'

describe('reading the files contacts apps export', () => {
  it('Google Contacts (current): first + last name, the mobile among labelled phones, labels without system groups, notes with newlines', () => {
    const file = readFixture('google-contacts.csv')
    expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8', table: { delimiter: ',' } })
    expect(drafts(previewFixture('google-contacts.csv').rows)).toEqual([
      { row: 2, status: 'new', name: 'José García', type: 'whatsapp', phone: '+34612345678', email: 'jose.garcia@ferias.es', tags: ['Kunden', 'Messe 2026', TAG], note: 'Met at the Madrid fair.\nWants a demo in May.' },
      { row: 3, status: 'new', name: 'Наталья Иванова', type: 'whatsapp', phone: '+79123456789', email: 'natalia@example.ru', tags: ['Partners', TAG], note: null },
      // Family name first for Chinese; the first of two numbers in one " ::: " cell.
      { row: 4, status: 'new', name: '王小明', type: 'whatsapp', phone: '+8613912345678', email: null, tags: [TAG], note: null },
      // "* starred" is Google's, not the user's.
      { row: 5, status: 'new', name: 'محمد العلي', type: 'whatsapp', phone: '+971501234567', email: 'm.alali@example.ae', tags: [TAG], note: 'عميل مهم' },
      { row: 6, status: 'invalid', name: 'Zoë Brontë', type: 'whatsapp', phone: null, email: 'zoe@example.co.uk', tags: [TAG], note: null },
    ])
  })

  it('Google Contacts (older "Google CSV"): UTF-16, Name before Given/Family, Group Membership, Phone n - Type', () => {
    expect(readFixture('google-contacts-legacy.csv')).toMatchObject({ format: 'csv', encoding: 'utf-16le' })
    expect(drafts(previewFixture('google-contacts-legacy.csv').rows)).toMatchObject([
      { name: 'Søren Kierkegaard', phone: '+4520123456', email: 'soren@example.dk', tags: ['Friends', TAG] },
      { name: 'Ἀριστοτέλης Σταγειρίτης', phone: '+306941234567', tags: ['Clients', TAG], note: 'Philosopher; tutor' },
      { name: 'Ayşe Yılmaz', phone: '+905321234567', tags: [TAG] },
    ])
  })

  it('desktop Outlook in Windows-1252: the mobile over business and home phones; € – “ ” ‘ ’ … — survive', () => {
    expect(readFixture('outlook-desktop.csv')).toMatchObject({ encoding: 'windows-1252' })
    expect(drafts(previewFixture('outlook-desktop.csv').rows)).toMatchObject([
      { name: 'François Lefèvre', phone: '+33612345678', email: 'f.lefevre@example.fr', tags: ['Kunden', 'Messe 2026', TAG], note: 'Budget: 5.000 € – “urgent”, see ‘Q3’ plan…' },
      // A German local mobile read with the default country.
      { name: 'Jürgen Müller', phone: '+491711234567', email: 'juergen@mueller-soehne.de', tags: ['Lieferanten', TAG], note: 'Bevorzugt Anrufe vormittags — nie freitags.' },
    ])
  })

  it("Outlook.com with a BOM: the mobile, not the assistant's phone", () => {
    expect(drafts(previewFixture('outlook-com.csv').rows)).toMatchObject([
      { name: 'Priya Sharma', phone: '+919876543210', email: 'priya.sharma@example.in', note: 'Trade fair lead, Mumbai' },
      { name: 'Kenji 山田', phone: '+81312345678', email: 'kenji.yamada@example.jp' },
    ])
  })

  it('an Apple/iCloud CSV: "Phone : iPhone" counts as a mobile', () => {
    expect(drafts(previewFixture('icloud-export.csv').rows)).toMatchObject([
      { name: 'Émilie Dubois', phone: '+33781234567', email: 'emilie@example.fr', tags: ['Salon Paris', TAG], note: 'Rencontrée au salon, stand B12' },
      { name: 'Lars Østergaard', phone: '+4741234567', email: 'lars@work.example.no' },
    ])
  })

  it('a German Excel sheet: semicolons, BOM, local numbers to E.164, a quoted note with a newline; the blank row skipped', () => {
    expect(readFixture('excel-german.csv')).toMatchObject({ encoding: 'utf-8', table: { delimiter: ';' } })
    const rows = previewFixture('excel-german.csv').rows
    expect(drafts(rows)).toMatchObject([
      { row: 2, status: 'new', name: 'Jürgen Groß', phone: '+491711234567', tags: ['Messe', 'Kunde', TAG], note: 'Rückruf Montag;\nAngebot schicken' },
      { row: 3, status: 'new', name: 'Anna-Lena Weiß', phone: '+4915298765432' },
      { row: 4, status: 'new', name: 'Ömer Çelik', phone: '+49895550100', note: 'Nur Festnetz' },
      { row: 6, status: 'invalid', name: 'Kein Telefon', phone: null },
    ])
    expect(rows[3]!.candidate.issues).toEqual([{ row: 6, field: 'phone', column: null, reason: 'phone_required', channel: 'whatsapp' }])
  })

  it('Excel "Unicode text": UTF-16 and tabs, names in Vietnamese, Greek, Hebrew, Thai and Korean', () => {
    expect(readFixture('excel-unicode-text.txt')).toMatchObject({ encoding: 'utf-16le', table: { delimiter: '\t' } })
    expect(drafts(previewFixture('excel-unicode-text.txt').rows).map((d) => [d.name, d.phone])).toEqual([
      ['Ngọc Ánh Nguyễn', '+84912345678'],
      ['Σωκράτης Παπαδόπουλος', '+306947654321'],
      ['דוד כהן', '+972521234567'],
      ['สมชาย ใจดี', '+66812345678'],
      ['김민준', '+821012345678'],
    ])
  })

  it('a French sheet with a channel column: the channel read, an unknown one refused at its cell', () => {
    const rows = previewFixture('plain-french.csv').rows
    expect(drafts(rows).map((d) => [d.status, d.name, d.type])).toEqual([
      ['new', 'Hélène Boucher', 'telegram'],
      ['new', 'Karim Benali', 'whatsapp'],
      ['new', 'Camille Martin', 'instagram'],
      ['invalid', 'Sans Canal', null],
    ])
    expect(rows[3]!.candidate.issues).toEqual([{ row: 5, field: 'channel', column: 'Canal', reason: 'channel_unknown' }])
  })

  it('iOS vCard 3.0: the iPhone/CELL number over the preferred work one, an X-ABLabel mobile, an ORG-only card, a folded photo ignored', () => {
    expect(drafts(previewFixture('ios-contacts.vcf').rows)).toMatchObject([
      { row: 1, name: 'Émilie Dubois', phone: '+33781234567', email: 'emilie@example.fr', note: 'Rencontrée au salon, stand B12\nRappeler en juin' },
      { row: 2, name: 'Алексей Петрович Смирнов', phone: '+79161234567', email: 'alexei@example.ru' },
      { row: 3, name: '李雷', phone: '+8613800138000' },
      { row: 4, name: 'Café Müller GmbH', phone: '+49301234567' },
    ])
  })

  it('Android vCard 2.1: quoted-printable UTF-8 names and notes over soft line breaks, TEL;CELL preferred, N without FN', () => {
    expect(drafts(previewFixture('android-contacts.vcf', { defaultCountry: 'NG' }).rows)).toMatchObject([
      { name: 'Екатерина Александровна Кузнецова', phone: '+79217654321', email: 'ekaterina@example.ru', note: 'Познакомились на выставке.\nПерезвонить в июне.' },
      { name: 'Chidi Okafor', phone: '+2348031234567' },
      { name: 'Thị Hồng Nhung Ng', phone: '+84901234567' },
    ])
  })

  it('vCard 4.0: tel: URIs, quoted TYPE lists, escaped commas in CATEGORIES, escapes in NOTE, a folded long name', () => {
    expect(drafts(previewFixture('vcard-4.vcf').rows)).toMatchObject([
      {
        name: 'عبد الرحمن بن خالد الفلاحي',
        phone: '+971507654321',
        email: 'abdulrahman@example.ae',
        tags: ['vip', 'Messe, Berlin', 'Golf', TAG],
        note: 'Line one\nLine two; with a semicolon, a comma and a backslash \\ done',
      },
      { name: 'Maximilian Alexander von Hohenzollern-Sigmaringen der Jüngere', phone: '+4915123456789' },
    ])
  })
})
