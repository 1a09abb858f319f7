// The tag every imported contact gets, so an import can be found (and taken back) later: `import-<YYYY-MM-DD>` unless the user names one.
import { tag } from '../../../../shared/contact'

const pad = (n: number): string => String(n).padStart(2, '0')

/** The local date, as the user sees it on their calendar. */
export function defaultImportTag(now: Date): string {
  return `import-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Why the API would refuse the tag (the field shows it in words), or null when it takes it (an empty field means no tag). */
export function importTagProblem(value: string): 'tag_too_long' | null {
  if (value.trim() === '') return null
  return tag.safeParse(value).success ? null : 'tag_too_long'
}
