import { describe, expect, it } from 'vitest'
import { columnNames, detectMapping, importsSomething, targetOfHeader, withTarget } from './column-mapping'

describe('what a header names', () => {
  it.each([
    // English, Google, Outlook, Apple
    ['Name', 'name'], ['Full name', 'name'], ['First Name', 'firstName'], ['Given Name', 'firstName'], ['Middle Name', 'middleName'],
    ['Last Name', 'lastName'], ['Family Name', 'lastName'], ['Surname', 'lastName'],
    ['Phone 1 - Value', 'phone'], ['Phone 1 - Label', 'phoneLabel'], ['Phone 2 - Type', 'phoneLabel'],
    ['E-mail 1 - Value', 'email'], ['E-mail 1 - Label', 'ignore'], ['E-mail Address', 'email'], ['E-mail 2 Address', 'email'],
    ['E-mail Type', 'ignore'], ['E-mail Display Name', 'ignore'],
    ['Mobile Phone', 'mobile'], ['Business Phone', 'phone'], ['Home Phone 2', 'phone'], ['Primary Phone', 'phone'],
    ['Business Fax', 'ignore'], ['Pager', 'ignore'], ["Assistant's Phone", 'ignore'], ['TTY/TDD Phone', 'ignore'],
    ['Phone : mobile', 'mobile'], ['Phone : iPhone', 'mobile'], ['Email : work', 'email'], ['Cell', 'mobile'], ['Tel', 'phone'],
    ['Labels', 'tags'], ['Group Membership', 'tags'], ['Categories', 'tags'], ['Tags', 'tags'], ['Notes', 'note'],
    ['Channel', 'channel'], ['Type', 'channel'],
    ['Organization Name', 'ignore'], ['Nickname', 'ignore'], ['Company', 'ignore'],
    // German
    ['Vorname', 'firstName'], ['Nachname', 'lastName'], ['Telefon', 'phone'], ['Handy', 'mobile'], ['Mobiltelefon', 'mobile'],
    ['Handynummer', 'mobile'], ['Telefon geschäftlich', 'phone'], ['Fax geschäftlich', 'ignore'], ['E-Mail', 'email'],
    ['E-Mail-Adresse', 'email'], ['E-Mail-Typ', 'ignore'], ['E-Mail: Angezeigter Name', 'ignore'], ['Kategorien', 'tags'], ['Notizen', 'note'],
    // French
    ['Prénom', 'firstName'], ['Nom', 'lastName'], ['Nom complet', 'name'], ['Tél. mobile', 'mobile'], ['Téléphone (bureau)', 'phone'],
    ['Télécopie (bureau)', 'ignore'], ['Adresse de messagerie', 'email'], ['Type de messagerie', 'ignore'], ['Courriel', 'email'],
    ['Catégories', 'tags'], ['Étiquettes', 'tags'], ['Remarques', 'note'], ['Canal', 'channel'],
    // Spanish
    ['Nombre', 'firstName'], ['Apellidos', 'lastName'], ['Móvil', 'mobile'], ['Teléfono del trabajo', 'phone'],
    ['Dirección de correo electrónico', 'email'], ['Tipo de correo electrónico', 'ignore'], ['Etiquetas', 'tags'], ['Notas', 'note'],
    // Portuguese
    ['Nome', 'name'], ['Sobrenome', 'lastName'], ['Celular', 'mobile'], ['Telefone comercial', 'phone'], ['Observações', 'note'],
    // Russian
    ['Имя', 'firstName'], ['Фамилия', 'lastName'], ['Отчество', 'middleName'], ['ФИО', 'name'], ['Мобильный телефон', 'mobile'],
    ['Рабочий телефон', 'phone'], ['Адрес эл. почты', 'email'], ['Тип эл. почты', 'ignore'], ['Категории', 'tags'], ['Заметки', 'note'],
  ] as const)('%s → %s', (header, target) => {
    expect(targetOfHeader(header)).toBe(target)
  })

  it('says nothing for words it does not know', () => {
    expect(targetOfHeader('Birthday')).toBeNull()
    expect(targetOfHeader('')).toBeNull()
  })
})

describe('detecting the mapping of a table', () => {
  it('maps a header row and pairs Google phone labels with their values', () => {
    const mapping = detectMapping([
      ['First Name', 'Last Name', 'Phone 1 - Label', 'Phone 1 - Value', 'Phone 2 - Label', 'Phone 2 - Value'],
      ['Ann', 'Lee', 'Work', '+1 415 555 0100', 'Mobile', '+1 415 555 0101'],
    ])
    expect(mapping).toEqual({ hasHeader: true, targets: ['firstName', 'lastName', 'phoneLabel', 'phone', 'phoneLabel', 'phone'], phoneLabels: { 3: 2, 5: 4 } })
  })

  it('guesses a file without a header from its cells', () => {
    const mapping = detectMapping([
      ['Anna Schmidt', '+49 171 1234567', 'anna@example.de', '42'],
      ['Ben Meyer', '0172 7654321', 'ben@example.de', '17'],
    ])
    expect(mapping).toEqual({ hasHeader: false, targets: ['name', 'phone', 'email', 'ignore'], phoneLabels: {} })
    expect(columnNames([['Anna Schmidt', '+49 171 1234567', 'anna@example.de', '42']], mapping)).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4'])
  })

  it('takes unknown header words above phones and emails as a header, guessing those columns from their cells', () => {
    const mapping = detectMapping([
      ['Kunde', 'Rufnummer', 'Adresse'],
      ['Anna Schmidt', '+49 171 1234567', 'anna@example.de'],
    ])
    expect(mapping).toMatchObject({ hasHeader: true, targets: ['name', 'phone', 'email'] })
  })

  it('follows the user when they say the first row is, or is not, a header', () => {
    const records = [['Anna Schmidt', '+49 171 1234567'], ['Ben Meyer', '+49 172 7654321']]
    expect(detectMapping(records, true)).toEqual({ hasHeader: true, targets: ['name', 'phone'], phoneLabels: {} })
    expect(detectMapping([['Name', 'Mobile'], ...records], false)).toMatchObject({ hasHeader: false, targets: ['name', 'phone'] })
  })

  it('does not let the cells of an unnamed column override a name found in the header', () => {
    const mapping = detectMapping([
      ['Name', 'Company', 'Mobile'],
      ['Anna Schmidt', 'ACME', '+49 171 1234567'],
    ])
    expect(mapping.targets).toEqual(['name', 'ignore', 'mobile'])
  })
})

describe('changing the mapping by hand', () => {
  it('pairs a phone label with its phone again when a column changes', () => {
    const detected = detectMapping([['Name', 'Phone 1 - Label', 'Phone 1 - Value', 'Other'], ['Ada', 'Mobile', '+14155550100', 'x']])
    expect(detected.phoneLabels).toEqual({ 2: 1 })
    const unpaired = withTarget(detected, 1, 'ignore')
    expect(unpaired).toMatchObject({ targets: ['name', 'ignore', 'phone', 'ignore'], phoneLabels: {} })
    expect(withTarget(unpaired, 3, 'mobile').targets).toEqual(['name', 'ignore', 'phone', 'mobile'])
    expect(importsSomething(withTarget(withTarget(detected, 0, 'ignore'), 2, 'note'))).toBe(false)
  })
})
