// Brand colours (the app icon's blue) laid over naive-ui's light and dark themes.
import type { GlobalThemeOverrides } from 'naive-ui'

const brand = {
  primaryColor: '#2f6fed',
  primaryColorHover: '#4a83f0',
  primaryColorPressed: '#2259c9',
  primaryColorSuppl: '#4a83f0',
  borderRadius: '6px',
}

export const lightOverrides: GlobalThemeOverrides = { common: brand }

// naive-ui's dark theme puts dark text on primary buttons; on this blue, white reads better.
export const darkOverrides: GlobalThemeOverrides = {
  common: brand,
  Button: {
    textColorPrimary: '#ffffff',
    textColorHoverPrimary: '#ffffff',
    textColorPressedPrimary: '#ffffff',
    textColorFocusPrimary: '#ffffff',
    textColorDisabledPrimary: '#ffffff',
  },
}
