// naive-ui renders a card's header as a role="heading" inside another, neither with a level (an ARIA
// error screen readers stumble on): the outer becomes a level-2 heading, the inner plain text.
const UNLEVELLED = '.n-card-header[role="heading"]:not([aria-level])'

function fix(root: ParentNode): void {
  for (const header of root.querySelectorAll(UNLEVELLED)) {
    header.setAttribute('aria-level', '2')
    header.querySelector('.n-card-header__main[role="heading"]')?.setAttribute('role', 'none')
  }
}

/** Watches the document for cards (dialogs open and close for the app's life) and fixes each header as it appears. */
export function levelCardHeadings(root: HTMLElement = document.body): MutationObserver {
  fix(root)
  const observer = new MutationObserver((mutations) => {
    if (mutations.some((mutation) => mutation.addedNodes.length > 0)) fix(root)
  })
  observer.observe(root, { childList: true, subtree: true })
  return observer
}
