// What to do with each likely duplicate (skip, merge into it, create anyway): one choice for all, overridden row by row.

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
