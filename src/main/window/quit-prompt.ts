// What quitting (or restarting to update) says when edits have not reached the server yet: they are kept and sync next time.
import { desktopText } from '../i18n/desktop-text'

export interface QuitPrompt {
  message: string
  detail: string
  buttons: [quit: string, stay: string]
}

/** Null when nothing waits: quit at once. */
export function quitPrompt(unsynced: number): QuitPrompt | null {
  if (unsynced <= 0) return null
  return {
    message: desktopText('main.quit.unsynced', { count: unsynced }),
    detail: desktopText('main.quit.detail'),
    buttons: [desktopText('main.quit.quit'), desktopText('main.quit.stay')],
  }
}

/** A restart to install an update with edits waiting: the same facts, and the choice to restart later. */
export function restartPrompt(unsynced: number): QuitPrompt | null {
  const quit = quitPrompt(unsynced)
  return quit && { ...quit, detail: desktopText('main.restart.detail'), buttons: [desktopText('main.restart.restart'), desktopText('main.restart.later')] }
}
