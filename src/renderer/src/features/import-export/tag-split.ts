// Splits a tags cell into tags: Google's " ::: " lists (without its system groups), else commas or semicolons.

/** Google's own groups, which every contact has: not tags the user made. */
const GOOGLE_SYSTEM_GROUPS = new Set(['mycontacts', 'my contacts', 'starred'])
const GOOGLE_SEPARATOR = ':::'

/** Tags in the order first seen, each once. */
export function uniqueTags(tags: Iterable<string>): string[] {
  return [...new Set(tags)]
}

/** "* myContacts ::: Friends" → ["Friends"]; "vip, fair; 2026" → ["vip", "fair", "2026"]. */
export function splitTags(cell: string): string[] {
  const isGoogle = cell.includes(GOOGLE_SEPARATOR)
  const parts = isGoogle ? cell.split(GOOGLE_SEPARATOR) : cell.split(/[,;]/)
  const tags: string[] = []
  for (const part of parts) {
    let tag = part.trim()
    // Google marks its groups "* myContacts", "* starred"; the older export also "* Friends".
    if (tag.startsWith('* ')) {
      tag = tag.slice(2).trim()
      if (GOOGLE_SYSTEM_GROUPS.has(tag.toLowerCase())) continue
    }
    if (tag) tags.push(tag)
  }
  return uniqueTags(tags)
}
