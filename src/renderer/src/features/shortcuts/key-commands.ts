// Key presses to keymap commands in the page: matching (on any keyboard layout), typing targets, and how shortcuts are written.
import { COMMANDS, type Binding, type Command } from '../../../../shared/keymap'
import { codeOfUsKey, isNonLatinCharacter, usKeyOf } from './physical-keys'

export * from '../../../../shared/keymap'

export type Platform = 'mac' | 'other'

export function currentPlatform(): Platform {
  return typeof navigator !== 'undefined' && /mac/i.test(navigator.platform || navigator.userAgent) ? 'mac' : 'other'
}

export interface KeyLike {
  key: string
  /** The physical key (`KeyJ`): what a non-Latin layout's character falls back to. */
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** Letters compare case-insensitively (Shift+T reports "T"); other keys exactly. */
const sameKey = (a: string, b: string) => (a.length === 1 && b.length === 1 ? a.toLowerCase() === b.toLowerCase() : a === b)

function matches(binding: Binding, event: KeyLike, key: string, platform: Platform): boolean {
  const mod = platform === 'mac' ? event.metaKey : event.ctrlKey
  const otherMod = platform === 'mac' ? event.ctrlKey : event.metaKey
  if (event.altKey || otherMod || mod !== Boolean(binding.mod)) return false
  // Shift is part of typing "?" or "/" on many layouts: for symbols only the character counts.
  const symbol = binding.key.length === 1 && binding.key.toLowerCase() === binding.key.toUpperCase() && binding.key !== ' '
  if (!symbol && event.shiftKey !== Boolean(binding.shift)) return false
  return sameKey(binding.key, key)
}

function commandForKey(event: KeyLike, key: string, typing: boolean, platform: Platform): Command | null {
  for (const candidate of COMMANDS) {
    if (typing && !candidate.whileTyping) continue
    if (candidate.bindings.some((binding) => matches(binding, event, key, platform))) return candidate
  }
  return null
}

/**
 * The command a key press means, or null. While typing in a field only `whileTyping` commands count.
 * The typed key decides first (on AZERTY the key printed A types "a" and means `a`); when it typed
 * a character of another script (Russian "о", Greek "ξ", Arabic "ت"), the physical key decides, as
 * on a US keyboard: "о" on the J key is `j`, Ctrl+"л" is Ctrl+K.
 */
export function commandFor(event: KeyLike, typing: boolean, platform: Platform = currentPlatform()): Command | null {
  const typed = commandForKey(event, event.key, typing, platform)
  if (typed || !isNonLatinCharacter(event.key)) return typed
  const physical = usKeyOf(event.code, event.shiftKey)
  return physical === null ? null : commandForKey(event, physical, typing, platform)
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

/** What each physical key types on the user's layout (`navigator.keyboard.getLayoutMap()`): `KeyJ` -> "о" on Russian. */
export type LayoutMap = ReadonlyMap<string, string>

/**
 * The key as the user's keyboard prints it, beside the keymap's: "J (О)" on a Russian layout, where
 * the J key types "о" (and means `j`). Keys a Latin layout types, or whose place the layout map
 * cannot say (a shifted symbol), show as written.
 */
function keyLabel(key: string, layout: LayoutMap | null): string {
  const shown = key.length === 1 ? key.toUpperCase() : key
  const code = key === '?' ? null : codeOfUsKey(key.toLowerCase())
  const local = code ? layout?.get(code) : undefined
  return local && isNonLatinCharacter(local) ? `${shown} (${local.toLocaleUpperCase()})` : shown
}

/** How a binding is shown: "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere; with the layout's own character when it is not Latin. */
export function formatBinding(binding: Binding, platform: Platform = currentPlatform(), layout: LayoutMap | null = null): string {
  const named = KEY_NAMES[binding.key]
  const key = named ? named[platform === 'mac' ? 0 : 1] : keyLabel(binding.key, layout)
  const shiftShown = binding.shift && binding.key !== '?'
  if (platform === 'mac') return `${binding.mod ? '⌘' : ''}${shiftShown ? '⇧' : ''}${key}`
  return [binding.mod ? 'Ctrl' : '', shiftShown ? 'Shift' : '', key].filter(Boolean).join('+')
}

/** A binding to put inside a sentence: kept left to right in a left-isolate, so "(Ctrl+R)" is not turned around in Arabic. */
export const bindingInText = (binding: Binding, platform: Platform = currentPlatform()): string => `\u2066${formatBinding(binding, platform)}\u2069`
