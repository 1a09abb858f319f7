import { describe, expect, it } from 'vitest'
import { parseProperty, splitEscaped, unescapeText, unfoldLines } from './vcard-lines'

describe('unfolding vCard lines', () => {
  it('joins CRLF + space and LF + tab continuations, dropping the one whitespace (3.0, 4.0)', () => {
    expect(unfoldLines('BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:abc\r\n def\n\tghi\r\nEND:VCARD')).toEqual(['BEGIN:VCARD', 'VERSION:3.0', 'NOTE:abcdefghi', 'END:VCARD'])
  })

  it('keeps the space a 2.1 line was folded before', () => {
    expect(unfoldLines('BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:long\r\n line\r\nEND:VCARD')).toContain('NOTE:long line')
  })

  it('joins quoted-printable soft line breaks, even when the next line starts with "="', () => {
    expect(unfoldLines('FN;ENCODING=QUOTED-PRINTABLE:=D0=90=\r\n=D0=91\r\nTEL:1')).toEqual(['FN;ENCODING=QUOTED-PRINTABLE:=D0=90=D0=91', 'TEL:1'])
  })
})

describe('reading a property', () => {
  it('reads the group, the name and 2.1 bare types', () => {
    expect(parseProperty('item1.tel;CELL;VOICE:+49 171')).toMatchObject({ group: 'item1', name: 'TEL', types: new Set(['cell', 'voice']), value: '+49 171' })
  })

  it('reads 3.0 TYPE lists and repeated TYPE parameters', () => {
    expect(parseProperty('TEL;TYPE=CELL,VOICE;type=pref:+1')!.types).toEqual(new Set(['cell', 'voice', 'pref']))
  })

  it('reads a 4.0 quoted TYPE list and keeps the colon of the tel: URI in the value', () => {
    expect(parseProperty('TEL;TYPE="cell,voice";VALUE=uri:tel:+1-555-0100')).toMatchObject({ types: new Set(['cell', 'voice']), value: 'tel:+1-555-0100' })
  })

  it('takes QUOTED-PRINTABLE and CHARSET as parameters', () => {
    const property = parseProperty('N;CHARSET=UTF-8;QUOTED-PRINTABLE:=C3=BC;;;;')!
    expect(property.params.get('ENCODING')).toEqual(['QUOTED-PRINTABLE'])
    expect(property.params.get('CHARSET')).toEqual(['UTF-8'])
  })

  it('skips lines that are not properties', () => {
    expect(parseProperty('')).toBeNull()
    expect(parseProperty('AAAAbase64data')).toBeNull()
  })
})

describe('escaped text', () => {
  it('splits only on unescaped separators, then unescapes', () => {
    expect(splitEscaped('a\\,b,c', ',').map(unescapeText)).toEqual(['a,b', 'c'])
    expect(splitEscaped('Müller;Hans\\;Peter;;;', ';').map(unescapeText)).toEqual(['Müller', 'Hans;Peter', '', '', ''])
    expect(unescapeText('a\\nb\\Nc\\\\d\\;e')).toBe('a\nb\nc\\d;e')
  })
})
