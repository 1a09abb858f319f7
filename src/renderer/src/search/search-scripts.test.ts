import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { nameWordsOf, wordsOf } from './fold'
import { SearchIndex } from './search-index'
import { latinSkeleton, toLatin } from './transliteration'

const person = (id: number, name: string): ContactRow => ({ id, name, type: 'whatsapp', tags: [] })
const people = [
  person(1, '王小明'),
  person(2, '小明'),
  person(3, '김민수'),
  person(4, '민수 박'),
  person(5, 'สมชาย วงศ์สวัสดิ์'),
  person(6, "Aoife O'Brien"),
  person(7, 'Jean-Luc Picard'),
  person(8, 'Иван Петров'),
  person(9, 'Ivan Smith'),
  person(10, 'Ivana Kovač'),
  person(11, 'Дмитрий Иванов'),
  person(12, 'Γιώργος Παπαδόπουλος'),
  person(13, 'Юлия Кузнецова'),
  person(14, '佐藤 健'),
  person(15, 'राहुल शर्मा'),
  person(16, 'Наталья Смирнова'),
  person(17, 'Αλέξανδρος Οικονόμου'),
]
const index = new SearchIndex(people)
const find = (query: string) => index.search(query, {}, Infinity).ids

describe('search across scripts', () => {
  it('finds Chinese, Japanese, Korean and Thai names by any part, the whole name first', () => {
    expect(find('小明')).toEqual([2, 1])
    expect(find('王小')).toEqual([1])
    expect(find('민수')).toEqual([4, 3])
    expect(find('김민수')).toEqual([3])
    expect(find('สวัสดิ์')).toEqual([5])
    expect(find('สมชาย')).toEqual([5])
    expect(find('佐藤健')).toEqual([14])
    expect(find('健')).toEqual([14])
  })

  it('never starts a Thai word inside a letter: a vowel sign alone finds nothing', () => {
    // "ั" (mai han-akat) belongs to the ว before it in วงศ์สวัสดิ์.
    expect(find('ั')).toEqual([])
  })

  it('joins and splits names at apostrophes and hyphens', () => {
    for (const query of ['obrien', "o'brien", 'O’Brien', 'o brien', 'obri']) expect(find(query), query).toEqual([6])
    for (const query of ['jean-luc', 'jeanluc', 'jean luc', 'JEAN-LUC picard', 'jeanl']) expect(find(query), query).toEqual([7])
    expect(nameWordsOf("Jean-Luc O'Brien")).toEqual(['jean', 'luc', 'jeanluc', 'o', 'brien', 'obrien'])
  })

  it('finds Cyrillic and Greek names by their Latin spelling, below names written that way', () => {
    // Ivan, Ivana (Latin: whole, prefix), then the Cyrillic ones in name order (Дмитрий Иванов, Иван Петров).
    expect(find('ivan')).toEqual([9, 10, 11, 8])
    expect(find('petrov')).toEqual([8])
    expect(find('petr')).toEqual([8])
    expect(find('ivanov')).toEqual([11])
    for (const spelling of ['dmitry', 'dmitriy', 'dmitrii', 'dmitri']) expect(find(spelling), spelling).toEqual([11])
    for (const spelling of ['yulia', 'julia', 'yuliya', 'kuznetsova']) expect(find(spelling), spelling).toEqual([13])
    for (const spelling of ['natalya', 'natalia', 'smirnova']) expect(find(spelling), spelling).toEqual([16])
    for (const spelling of ['giorgos', 'papadopoulos', 'alexandros', 'aleksandros', 'oikonomou']) expect(find(spelling), spelling).toHaveLength(1)
    // Cyrillic typed finds only Cyrillic.
    expect(find('иван')).toEqual([8, 11])
  })

  it('keeps the vowel signs of scripts that need them, so different names stay apart', () => {
    expect(wordsOf('राहुल शर्मा')).toEqual(['राहुल', 'शर्मा'])
    expect(find('शर्मा')).toEqual([15])
    expect(find('शरम')).toEqual([])
    // Accents of Latin, Greek and Cyrillic letters, Arabic vowels: still folded.
    expect(wordsOf('Zoë Ελένη Ёлкин مُحَمَّد')).toEqual(['zoe', 'ελενη', 'елкин', 'محمد'])
  })

  it('spells Cyrillic and Greek in Latin letters the way their skeletons meet', () => {
    expect(toLatin('петров')).toBe('petrov')
    expect(toLatin('γιωργος')).toBe('giorgos')
    expect(toLatin('ευαγγελος')).toBe('evangelos')
    expect(latinSkeleton(toLatin('михаил'))).toBe(latinSkeleton('mikhail'))
    expect(latinSkeleton(toLatin('алексеи'))).toBe(latinSkeleton('alexey'))
    expect(latinSkeleton(toLatin('елена'))).toBe(latinSkeleton('yelena'))
  })

  it('ranks and finds the same in rows changed after the build (the overlay)', () => {
    const live = new SearchIndex([])
    live.upsert(people)
    for (const query of ['小明', '민수', 'obrien', 'jeanluc', 'ivan', 'dmitry', 'สวัสดิ์']) expect(live.search(query, {}, Infinity).ids, query).toEqual(find(query))
  })
})
