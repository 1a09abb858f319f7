// Which web permissions the page may have: none, except writing plain text to the clipboard.

// Copying a phone number or email is a core action; sanitized clipboard writes carry no data out
// of the machine. Camera, location, notifications, openExternal and the rest are never needed.
const GRANTED = new Set(['clipboard-sanitized-write'])

export const isPermissionGranted = (permission: string): boolean => GRANTED.has(permission)
