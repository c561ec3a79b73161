// The only script of a reading page (decision 024). Everything works without it: evidence panels
// are popovers, menus are <details>. It adds comfort: menus close on Escape or a click elsewhere,
// and on a desktop a figure's evidence previews on hover and focus. Plain ES2020, no framework.
;(() => {
  const menus = () => document.querySelectorAll('details[data-menu][open]')
  document.addEventListener('click', (event) => {
    for (const menu of menus()) if (!menu.contains(event.target)) menu.open = false
  })
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return
    for (const menu of menus()) {
      menu.open = false
      menu.querySelector('summary')?.focus()
    }
    hide()
  })

  let preview = null
  let timer = 0
  if (!matchMedia('(hover: hover) and (pointer: fine)').matches) return
  function hide() {
    clearTimeout(timer)
    preview?.remove()
    preview = null
  }
  function show(button) {
    const panel = document.getElementById(button.getAttribute('popovertarget'))
    if (!panel || panel.matches(':popover-open')) return
    hide()
    preview = document.createElement('div')
    preview.className = 'evidence-preview'
    preview.setAttribute('aria-hidden', 'true')
    for (const part of panel.querySelectorAll('.badges, .evidence')) preview.append(part.cloneNode(true))
    for (const id of preview.querySelectorAll('[id]')) id.removeAttribute('id')
    document.body.append(preview)
    const box = button.getBoundingClientRect()
    const width = preview.offsetWidth
    preview.style.left = `${Math.max(8, Math.min(box.left + scrollX, scrollX + innerWidth - width - 8))}px`
    preview.style.top = `${box.bottom + scrollY + 6}px`
  }
  for (const button of document.querySelectorAll('button.fig[popovertarget]')) {
    const soon = () => {
      clearTimeout(timer)
      timer = setTimeout(() => show(button), 250)
    }
    button.addEventListener('pointerenter', soon)
    button.addEventListener('focus', () => {
      if (button.matches(':focus-visible')) soon()
    })
    button.addEventListener('pointerleave', hide)
    button.addEventListener('blur', hide)
    button.addEventListener('click', hide)
  }
})()
