// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { levelCardHeadings } from './card-heading-level'

const card = () => '<div class="n-card-header" role="heading"><div class="n-card-header__main" role="heading">Settings</div></div>'

describe('card headings', () => {
  it('gives naive-ui card headers a level, there at start and added later, and leaves one heading', async () => {
    const root = document.createElement('div')
    root.innerHTML = card()
    const observer = levelCardHeadings(root)
    const later = document.createElement('section')
    later.innerHTML = card()
    root.append(later)
    await new Promise((resolve) => setTimeout(resolve, 0))
    observer.disconnect()
    expect([...root.querySelectorAll('[role="heading"]')].map((heading) => heading.getAttribute('aria-level'))).toEqual(['2', '2'])
    expect(root.querySelectorAll('.n-card-header__main[role="none"]')).toHaveLength(2)
  })
})
