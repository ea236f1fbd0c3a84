/*
 * What the body editor's two choosers share (link-tool.js, figure-tool.js): a search
 * box whose answers, fetched as the editor types (or presses Enter, or the button),
 * fill a list of toggle buttons; only the latest search's answer is shown, and the
 * arrow keys move from the box into the results and between them.
 */
import { crel } from "django-prose-editor/editor"

const TYPING_PAUSE = 300 // ms

/*
 * The search box of a chooser whose classes start with `block`: {search, query,
 * status, results}. `strings` gives `searchLabel`, `search` and `results`.
 */
export const searchBox = (block, prefix, strings) => {
  const query = crel("input", { type: "search", id: `${prefix}-q`, name: "q", autocomplete: "off", dir: "auto" })
  const button = crel("button", { type: "button", textContent: strings.search })
  const search = crel("div", { className: `${block}__search`, role: "search" }, [
    crel("label", { htmlFor: query.id, textContent: strings.searchLabel }),
    query,
    button,
  ])
  const status = crel("p", { className: `${block}__status`, role: "status" })
  const results = crel("ul", { className: `${block}__results`, "aria-label": strings.results })
  return { search, query, button, status, results }
}

/*
 * Wire `box` (from searchBox) to the JSON search at `url` ({results: [...]}, asked with
 * q and language): `show(items)` receives the latest answer. With `needsQuery`, an
 * empty box asks nothing and says `strings.typeToSearch`. Returns the search, to run.
 */
export const liveSearch = (box, { url, language, strings, show, needsQuery = false }) => {
  const { query, button, status, results } = box
  let searches = 0
  const run = () => {
    const ticket = ++searches
    if (needsQuery && !query.value.trim()) {
      results.textContent = ""
      status.textContent = strings.typeToSearch
      return
    }
    const address = new URL(url, location.href)
    address.searchParams.set("q", query.value)
    if (language) address.searchParams.set("language", language)
    status.textContent = strings.searching
    results.setAttribute("aria-busy", "true")
    fetch(address, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response)))
      .then((data) => {
        if (ticket === searches) show(data.results)
      })
      .catch(() => {
        if (ticket === searches) status.textContent = strings.failed
      })
      .finally(() => {
        if (ticket === searches) results.setAttribute("aria-busy", "false")
      })
  }

  let typing = null
  query.addEventListener("input", () => {
    clearTimeout(typing)
    typing = setTimeout(run, TYPING_PAUSE)
  })
  query.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault()
      clearTimeout(typing)
      run()
    } else if (event.key === "ArrowDown") {
      const first = results.querySelector("button")
      if (first) {
        event.preventDefault()
        first.focus()
      }
    }
  })
  // Up and down move between the results, as in a list box.
  results.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return
    const buttons = [...results.querySelectorAll("button")]
    const at = buttons.indexOf(document.activeElement)
    if (at < 0) return
    event.preventDefault()
    if (event.key === "ArrowUp" && at === 0) query.focus()
    else buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === "ArrowDown" ? 1 : -1)))].focus()
  })
  button.addEventListener("click", run)
  return run
}
