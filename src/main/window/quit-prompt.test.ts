import { afterEach, describe, expect, it } from 'vitest'
import { setDesktopLocale } from '../i18n/desktop-text'
import { quitPrompt, restartPrompt } from './quit-prompt'

afterEach(() => setDesktopLocale('en'))

describe('quit prompt', () => {
  it('says how many edits wait and that they sync next time; nothing when none wait', () => {
    expect(quitPrompt(0)).toBeNull()
    expect(quitPrompt(1)?.message).toBe('1 edit has not reached SkyLight yet')
    expect(quitPrompt(1200)).toMatchObject({ message: '1,200 edits have not reached SkyLight yet', buttons: ['Quit', 'Stay and sync'] })
    expect(quitPrompt(3)?.detail).toMatch(/sync the next time/)
  })

  it('says how many edits wait before a restart to update, offering to restart later', () => {
    expect(restartPrompt(0)).toBeNull()
    expect(restartPrompt(2)).toEqual({
      message: '2 edits have not reached SkyLight yet',
      detail: 'They are saved on this computer and will sync after the restart.',
      buttons: ['Restart and update', 'Later'],
    })
  })

  it('says it in the app’s language, with the plural form each count takes in Russian', () => {
    setDesktopLocale('ru')
    expect(quitPrompt(1)?.message).toBe('1 изменение ещё не дошло до SkyLight')
    expect(quitPrompt(3)?.message).toBe('3 изменения ещё не дошли до SkyLight')
    expect(quitPrompt(5)).toMatchObject({ message: '5 изменений ещё не дошли до SkyLight', buttons: ['Выйти', 'Остаться и синхронизировать'] })
    expect(quitPrompt(21)?.message).toBe('21 изменение ещё не дошло до SkyLight')
    expect(quitPrompt(1200)?.message).toBe('1\u00a0200 изменений ещё не дошли до SkyLight')
    expect(restartPrompt(2)?.buttons).toEqual(['Перезапустить и обновить', 'Позже'])
  })
})
