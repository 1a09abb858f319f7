// The tag every imported contact gets, so an import can be found (and taken back) later: `import-<YYYY-MM-DD>` unless the user names one.
import { tag } from '../../../../shared/contact'

const pad = (n: number): string => String(n).padStart(2, '0')

/** The local date, as the user sees it on their calendar. */
export function defaultImportTag(now: Date): string {
  return `import-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The sentence to show beside the tag field, or null when the API will take the tag (an empty field means no tag). */
export function importTagProblem(value: string): string | null {
  if (value.trim() === '') return null
  const checked = tag.safeParse(value)
  return checked.success ? null : checked.error.issues[0]!.message
}
