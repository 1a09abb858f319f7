import { describe, expect, it } from 'vitest'
import { avatarHue, initials } from './channel-style'

describe('channel style', () => {
  it('takes initials from the first and last words, in any script', () => {
    expect(initials('José Álvarez')).toBe('JÁ')
    expect(initials('  zoë  ')).toBe('Z')
    expect(initials('Анна Петровна Иванова')).toBe('АИ')
    expect(initials('محمد علي')).toBe('مع')
    expect(initials(undefined)).toBe('?')
  })

  it('gives a contact the same hue every time, temporary ids included', () => {
    expect(avatarHue(17)).toBe(avatarHue(17))
    expect(avatarHue(-3)).toBe(avatarHue(3))
  })
})
