// What quitting (or restarting to update) says when edits have not reached the server yet: they are kept and sync next time.

export interface QuitPrompt {
  message: string
  detail: string
  buttons: [quit: string, stay: string]
}

/** Null when nothing waits: quit at once. */
export function quitPrompt(unsynced: number): QuitPrompt | null {
  if (unsynced <= 0) return null
  const edits = `${unsynced.toLocaleString('en')} ${unsynced === 1 ? 'edit has' : 'edits have'} not reached SkyLight yet`
  return {
    message: edits,
    detail: 'They are saved on this computer and will sync the next time you open SkyLight Contacts with a connection.',
    buttons: ['Quit', 'Stay and sync'],
  }
}

/** A restart to install an update with edits waiting: the same facts, and the choice to restart later. */
export function restartPrompt(unsynced: number): QuitPrompt | null {
  const quit = quitPrompt(unsynced)
  return quit && { ...quit, detail: 'They are saved on this computer and will sync after the restart.', buttons: ['Restart and update', 'Later'] }
}
