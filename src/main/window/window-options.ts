// The main window's frame: size, title and how it first appears. Its web preferences are written
// out literally at \`new BrowserWindow\` in the glue, where electronegativity can read them.

export const mainWindowFrame = {
  width: 1280,
  height: 800,
  minWidth: 880,
  minHeight: 560,
  title: 'SkyLight Contacts',
  // Painted behind the page while it loads; a soft neutral rather than stark white.
  backgroundColor: '#f5f5f7',
  // Shown on ready-to-show, so the user never sees a half-drawn page.
  show: false,
} as const
