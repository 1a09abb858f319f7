// What to do with each likely duplicate (skip, merge into it, create anyway): one choice for all, overridden row by row.
import type { MatchReason } from '../../contact-match/match-keys'

export type DuplicateChoice = 'skip' | 'merge' | 'create'

export interface ImportChoices {
  /** Applies to every duplicate row without a choice of its own. */
  all: DuplicateChoice
  /** Row number → the user's choice for that row. */
  byRow: Record<number, DuplicateChoice>
}

/** Merging loses nothing and makes no second contact: the safe default. */
export const defaultChoices = (): ImportChoices => ({ all: 'merge', byRow: {} })

/** "Apply to all": one choice for every duplicate, forgetting the per-row ones. */
export const chooseForAll = (choice: DuplicateChoice): ImportChoices => ({ all: choice, byRow: {} })

export const chooseForRow = (choices: ImportChoices, row: number, choice: DuplicateChoice): ImportChoices => ({
  all: choices.all,
  byRow: { ...choices.byRow, [row]: choice },
})

export const choiceFor = (choices: ImportChoices, row: number): DuplicateChoice => choices.byRow[row] ?? choices.all

/** SkyLight keeps one contact per phone number: a second one with the same phone cannot be created. */
export const canCreateAnyway = (reason: MatchReason): boolean => reason !== 'phone'

/** The choice as it is carried out: "create anyway" on a same-phone duplicate adds to that contact instead. */
export function effectiveChoice(choices: ImportChoices, row: number, reason: MatchReason): DuplicateChoice {
  const choice = choiceFor(choices, row)
  return choice === 'create' && !canCreateAnyway(reason) ? 'merge' : choice
}
