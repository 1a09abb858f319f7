// What quitting (or restarting to update) says when edits have not reached the server yet: they are kept and sync next time.
import { text } from '../i18n/desktop-text'

export interface QuitPrompt {
  message: string
  detail: string
  buttons: [quit: string, stay: string]
}

/** Null when nothing waits: quit at once. */
export function quitPrompt(unsynced: number): QuitPrompt | null {
  if (unsynced <= 0) return null
  return {
    message: text('main.quit.unsynced', { count: unsynced }),
    detail: text('main.quit.detail'),
    buttons: [text('main.quit.quit'), text('main.quit.stay')],
  }
}

/** A restart to install an update with edits waiting: the same facts, and the choice to restart later. */
export function restartPrompt(unsynced: number): QuitPrompt | null {
  const quit = quitPrompt(unsynced)
  return quit && { ...quit, detail: text('main.restart.detail'), buttons: [text('main.restart.restart'), text('main.restart.later')] }
}
