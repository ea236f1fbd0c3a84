/*
 * The live preview beside the article form (articles/admin/live_preview.py,
 * templates/admin/articles/article/includes/live_preview.html). See docs/live-preview.md.
 *
 * While the panel is open, the form's state is posted (its files left out) 700 ms after
 * the editor stops typing; the answer is the page as readers will see it, shown in a
 * sandboxed frame (no script runs in it) at a desktop or a phone's width, scaled to the
 * panel, where the reader was scrolled to; and the search, social and length panel.
 * A form that is not valid yet shows what to correct above the last valid page. The
 * panel's state (open, width) is remembered in this browser.
 */
;(() => {
  const DELAY = 700
  const STORE = "thinktank.livePreview"

  const remembered = () => {
    try {
      return JSON.parse(window.localStorage.getItem(STORE)) || {}
    } catch {
      return {}
    }
  }
  const remember = (state) => {
    try {
      window.localStorage.setItem(STORE, JSON.stringify({ ...remembered(), ...state }))
    } catch {
      // A browser that keeps nothing: the panel starts closed next time.
    }
  }

  function start(panel) {
    const form = document.querySelector("#article_form")
    if (!form) return
    const frame = panel.querySelector(".live-preview__frame")
    const stage = panel.querySelector(".live-preview__stage")
    const status = panel.querySelector(".live-preview__status")
    const errors = panel.querySelector(".live-preview__errors")
    const quality = panel.querySelector(".live-preview__quality-body")
    const toggles = document.querySelectorAll("[data-live-preview-toggle]")
    const widths = panel.querySelectorAll("[data-preview-width]")
    let width = Number(remembered().width) || 1280
    let timer = null
    let controller = null
    let sent = 0
    let dirty = true

    const isOpen = () => !panel.hidden

    /* The page is laid out at `width` CSS pixels and scaled down to fit the panel. */
    function fit() {
      const room = stage.clientWidth
      if (!room) return
      const scale = Math.min(1, room / width)
      frame.style.width = `${width}px`
      frame.style.height = `${Math.ceil(stage.clientHeight / scale)}px`
      frame.style.transform = `scale(${scale})`
      for (const button of widths) {
        button.setAttribute("aria-pressed", String(Number(button.dataset.previewWidth) === width))
      }
      panel.dataset.width = String(width)
    }

    function show(page) {
      const previous = frame.contentWindow && frame.contentWindow.scrollY
      frame.addEventListener(
        "load",
        () => {
          if (previous) frame.contentWindow.scrollTo(0, previous)
          panel.dataset.state = "ready"
        },
        { once: true },
      )
      frame.srcdoc = page
    }

    function say(message) {
      status.textContent = message
    }

    /* The form as it would be saved, without its files (a preview uploads nothing). */
    function formData() {
      const data = new FormData(form)
      const files = []
      for (const [name, value] of data.entries()) {
        if (value instanceof File) files.push(name)
      }
      for (const name of files) data.delete(name)
      return data
    }

    async function update() {
      timer = null
      if (!isOpen()) return
      dirty = false
      if (controller) controller.abort()
      controller = new AbortController()
      const number = ++sent
      panel.dataset.state = "updating"
      say(panel.dataset.updating)
      try {
        const response = await fetch(panel.dataset.url, {
          method: "POST",
          body: formData(),
          credentials: "same-origin",
          headers: { Accept: "application/json" },
          signal: controller.signal,
        })
        const answer = await response.json()
        if (number !== sent) return
        if (answer.errors) {
          errors.innerHTML = answer.errors
          errors.hidden = false
          panel.dataset.state = "invalid"
          say(panel.dataset.invalid)
          return
        }
        errors.hidden = true
        errors.textContent = ""
        quality.innerHTML = answer.quality
        show(answer.page)
        say(panel.dataset.updated)
      } catch (error) {
        if (error.name === "AbortError") return
        panel.dataset.state = "failed"
        say(panel.dataset.failed)
      }
    }

    function soon() {
      dirty = true
      if (!isOpen()) return
      if (timer) window.clearTimeout(timer)
      timer = window.setTimeout(update, DELAY)
    }

    function open(opened) {
      panel.hidden = !opened
      document.body.classList.toggle("live-preview-open", opened)
      for (const toggle of toggles) toggle.setAttribute("aria-expanded", String(opened))
      remember({ open: opened })
      if (opened) {
        fit()
        if (dirty) update()
      }
    }

    for (const toggle of toggles) {
      toggle.addEventListener("click", () => {
        open(!isOpen())
        if (!isOpen()) document.querySelector(".live-preview-launcher button")?.focus()
      })
    }
    for (const button of widths) {
      button.addEventListener("click", () => {
        width = Number(button.dataset.previewWidth)
        remember({ width })
        fit()
      })
    }
    form.addEventListener("input", soon)
    form.addEventListener("change", soon)
    // The admin's autocomplete (select2) and its inlines tell jQuery, not the DOM.
    if (window.django && window.django.jQuery) {
      window.django.jQuery(form).on("change formset:added formset:removed", soon)
    }
    // The stage changes size with the window and with the panel's other parts.
    new ResizeObserver(() => isOpen() && fit()).observe(stage)
    if (remembered().open) open(true)
  }

  document.addEventListener("DOMContentLoaded", () => {
    const panel = document.querySelector("#live-preview")
    if (panel) start(panel)
  })
})()
