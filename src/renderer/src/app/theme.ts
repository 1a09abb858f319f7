// Brand colours (the app icon's blue) laid over naive-ui's light and dark themes.
import type { GlobalThemeOverrides } from 'naive-ui'

const brand = {
  primaryColor: '#2f6fed',
  primaryColorHover: '#4a83f0',
  primaryColorPressed: '#2259c9',
  primaryColorSuppl: '#4a83f0',
  borderRadius: '6px',
}

/**
 * Secondary text and the status colours dark enough to read on white and on their own tints at 4.5:1
 * (WCAG AA): naive-ui's own (#767c82, #f0a020, #d03050, #2080f0, #18a058) fall short as small text.
 */
const readableLight = {
  textColor3: '#5c6166',
  warningColor: '#8f5100',
  warningColorHover: '#a15c00',
  warningColorPressed: '#7a4500',
  warningColorSuppl: '#a15c00',
  errorColor: '#b8272c',
  errorColorHover: '#c9343a',
  errorColorPressed: '#9e1f24',
  errorColorSuppl: '#c9343a',
  infoColor: '#1d64c2',
  infoColorHover: '#2a73d4',
  infoColorPressed: '#1754a6',
  infoColorSuppl: '#2a73d4',
  successColor: '#146b44',
  successColorHover: '#1a7d50',
  successColorPressed: '#0f5a39',
  successColorSuppl: '#1a7d50',
}

export const lightOverrides: GlobalThemeOverrides = { common: { ...brand, ...readableLight } }

// naive-ui's dark theme puts dark text on primary buttons; on this blue, white reads better.
export const darkOverrides: GlobalThemeOverrides = {
  // naive-ui's dark secondary text (38% white) reads at about 3:1; 62% reads at 5:1 or more.
  common: { ...brand, textColor3: 'rgba(255, 255, 255, 0.62)' },
  Button: {
    textColorPrimary: '#ffffff',
    textColorHoverPrimary: '#ffffff',
    textColorPressedPrimary: '#ffffff',
    textColorFocusPrimary: '#ffffff',
    textColorDisabledPrimary: '#ffffff',
  },
}
