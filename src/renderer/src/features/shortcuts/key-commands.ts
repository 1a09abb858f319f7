// Key presses to keymap commands in the page: matching, typing targets, and how shortcuts are written.
import { COMMANDS, type Binding, type Command } from '../../../../shared/keymap'

export * from '../../../../shared/keymap'

export type Platform = 'mac' | 'other'

export function currentPlatform(): Platform {
  return typeof navigator !== 'undefined' && /mac/i.test(navigator.platform || navigator.userAgent) ? 'mac' : 'other'
}

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** Letters compare case-insensitively (Shift+T reports "T"); other keys exactly. */
const sameKey = (a: string, b: string) => (a.length === 1 && b.length === 1 ? a.toLowerCase() === b.toLowerCase() : a === b)

function matches(binding: Binding, event: KeyLike, platform: Platform): boolean {
  const mod = platform === 'mac' ? event.metaKey : event.ctrlKey
  const otherMod = platform === 'mac' ? event.ctrlKey : event.metaKey
  if (event.altKey || otherMod || mod !== Boolean(binding.mod)) return false
  // Shift is part of typing "?" or "/" on many layouts: for symbols only the character counts.
  const symbol = binding.key.length === 1 && binding.key.toLowerCase() === binding.key.toUpperCase() && binding.key !== ' '
  if (!symbol && event.shiftKey !== Boolean(binding.shift)) return false
  return sameKey(binding.key, event.key)
}

/** The command a key press means, or null. While typing in a field only `whileTyping` commands count. */
export function commandFor(event: KeyLike, typing: boolean, platform: Platform = currentPlatform()): Command | null {
  for (const candidate of COMMANDS) {
    if (typing && !candidate.whileTyping) continue
    if (candidate.bindings.some((binding) => matches(binding, event, platform))) return candidate
  }
  return null
}

/** True when keys typed at `target` are text: shortcuts other than `whileTyping` ones must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  if (!element || typeof element.tagName !== 'string') return false
  if (element.isContentEditable) return true
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true
  if (element.tagName !== 'INPUT') return false
  const type = (element as HTMLInputElement).type
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type)
}

const KEY_NAMES: Record<string, [mac: string, other: string]> = {
  ' ': ['Space', 'Space'],
  ArrowDown: ['↓', '↓'],
  ArrowUp: ['↑', '↑'],
  Enter: ['↩', 'Enter'],
  Escape: ['Esc', 'Esc'],
  Delete: ['⌦', 'Delete'],
  Backspace: ['⌫', 'Backspace'],
}

/** How a binding is shown: "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere. */
export function formatBinding(binding: Binding, platform: Platform = currentPlatform()): string {
  const named = KEY_NAMES[binding.key]
  const key = named ? named[platform === 'mac' ? 0 : 1] : binding.key.length === 1 ? binding.key.toUpperCase() : binding.key
  const shiftShown = binding.shift && binding.key !== '?'
  if (platform === 'mac') return `${binding.mod ? '⌘' : ''}${shiftShown ? '⇧' : ''}${key}`
  return [binding.mod ? 'Ctrl' : '', shiftShown ? 'Shift' : '', key].filter(Boolean).join('+')
}
