import { describe, expect, it } from 'vitest'
import { quitPrompt, restartPrompt } from './quit-prompt'

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
})
