/*
 * Autosave of an admin form (editing.admin.EditingAdminMixin; docs/autosave.md).
 *
 * While the editor types, the form's state is kept in this browser (localStorage) and,
 * debounced, sent to the server as the editor's one private autosave of this form.
 * The browser's copy stays until the server has it, so a lost connection or an expired
 * session loses nothing: the page says so and sends it again once it can (after a new
 * login in another tab, with a fresh CSRF token). Reopening the form offers the newer
 * of the two copies, with what differs from the saved version, to restore or discard.
 * Rich text (django-prose-editor) is read from and written to its editor. A refused
 * stale copy (editing/includes/editing.html's conflict table) is merged field by field.
 */
;(() => {
  const SAVED_COOKIE = "editing_saved"
  const DEBOUNCE = 2000
  const MAX_WAIT = 10000
  const RETRY = 5000
  const SKIPPED =
    /^(csrfmiddlewaretoken|loaded_version|_save|_continue|_addanother|_saveasnew)$|__prefix__|-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/
  const editors = new Map()

  // The editors announce themselves (they may start before or after this script runs).
  document.addEventListener("prose-editor:ready", (event) => {
    editors.set(event.detail.textarea, event.detail.editor)
  })

  const editorOf = (textarea) =>
    editors.get(textarea) ||
    textarea.closest(".prose-editor")?.querySelector(".ProseMirror")?.editor ||
    null

  const isRich = (element) =>
    element.tagName === "TEXTAREA" &&
    [...element.attributes].some((attribute) =>
      attribute.name.startsWith("data-django-prose-editor"),
    )

  // What django-prose-editor puts in its textarea: "" for an empty document.
  const richValue = (editor) => {
    const html = editor.getHTML()
    return /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html
  }

  const format = (text, values) =>
    text.replace(/%\((\w+)\)s/g, (_match, name) => values[name] ?? "")

  /* The form's state: {fields: {name: [value, ...]}, options: {name: [[value, label]]}}
     (the labels of chosen options, so a restored autocomplete shows them). */
  function formState(form) {
    const fields = {}
    const options = {}
    for (const element of form.elements) {
      const { name, type } = element
      if (!name || SKIPPED.test(name) || element.disabled) continue
      if (["file", "submit", "button", "reset", "image"].includes(type)) continue
      fields[name] ||= []
      if (type === "checkbox" || type === "radio") {
        if (element.checked) fields[name].push(element.value)
      } else if (element.tagName === "SELECT") {
        for (const option of element.selectedOptions) {
          fields[name].push(option.value)
          ;(options[name] ||= []).push([option.value, option.textContent.trim()])
        }
      } else if (isRich(element) && editorOf(element)) {
        fields[name].push(richValue(editorOf(element)))
      } else {
        fields[name].push(element.value)
      }
    }
    return { fields, options }
  }

  const sameValues = (a = [], b = []) =>
    a.length === b.length && a.every((value, index) => value === b[index])

  const elementsNamed = (form, name) => {
    const found = form.elements.namedItem(name)
    if (!found) return []
    return found instanceof RadioNodeList ? [...found] : [found]
  }

  /* A field's label as the form shows it, with its row for an inline's field. */
  function labelOf(form, name) {
    const element = elementsNamed(form, name)[0]
    const label = element?.id && form.querySelector(`label[for="${CSS.escape(element.id)}"]`)
    const text = (label?.textContent || name.replace(/^.*-/, "").replace(/_/g, " "))
      .trim()
      .replace(/:$/, "")
    const row = /-(\d+)-[^-]+$/.exec(name)
    return row ? `${text} (${Number(row[1]) + 1})` : text
  }

  const plainText = (html) => {
    const body = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body
    for (const block of body.querySelectorAll("p, li, h1, h2, h3, h4, h5, h6, blockquote, br"))
      block.after("\n")
    return body.textContent.replace(/\n{3,}/g, "\n\n").trim()
  }

  /* A field's value as an editor reads it. */
  function readable(form, state, name, strings) {
    const values = state.fields[name] || []
    const labels = new Map(state.options?.[name] || [])
    const element = elementsNamed(form, name)[0]
    if (element?.type === "checkbox" && elementsNamed(form, name).length === 1)
      return values.length ? strings.yes : strings.no
    const text = values
      .map((value) => labels.get(value) ?? (/<[a-z]/i.test(value) ? plainText(value) : value))
      .filter(Boolean)
      .join(element?.tagName === "SELECT" ? ", " : "\n")
    return text || strings.empty
  }

  /* The names of the fields whose values differ between two states. */
  const differences = (saved, current) =>
    [...new Set([...Object.keys(saved.fields), ...Object.keys(current.fields)])].filter(
      (name) => !SKIPPED.test(name) && !sameValues(saved.fields[name], current.fields[name]),
    )

  /* Rows enough in each inline for the fields of `names`, as "Add another" adds them. */
  function ensureRows(form, names) {
    const needed = {}
    for (const name of names) {
      const match = /^(.+)-(\d+)-[^-]+$/.exec(name)
      if (match) needed[match[1]] = Math.max(needed[match[1]] ?? 0, Number(match[2]) + 1)
    }
    for (const [prefix, count] of Object.entries(needed)) {
      const total = form.elements.namedItem(`${prefix}-TOTAL_FORMS`)
      const add = document.querySelector(`#${CSS.escape(prefix)}-group .add-row a`)
      for (let guard = 0; total && add && Number(total.value) < count && guard < 100; guard++)
        add.click()
    }
  }

  /* Put `values` in the field `name`; false if the form has no such field. */
  function writeField(form, name, values, options = []) {
    const elements = elementsNamed(form, name)
    for (const element of elements) {
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = values.includes(element.value)
      } else if (element.tagName === "SELECT") {
        const labels = new Map(options)
        for (const value of values)
          if (![...element.options].some((option) => option.value === value))
            element.add(new Option(labels.get(value) ?? value, value))
        for (const option of element.options) option.selected = values.includes(option.value)
      } else if (isRich(element) && editorOf(element)) {
        editorOf(element).commands.setContent(values[0] || "")
        element.value = values[0] || ""
      } else {
        element.value = values[0] ?? ""
      }
      element.dispatchEvent(new Event("input", { bubbles: true }))
      element.dispatchEvent(new Event("change", { bubbles: true }))
    }
    return elements.length > 0
  }

  function writeState(form, state, names) {
    ensureRows(form, names)
    return names.filter(
      (name) => !writeField(form, name, state.fields[name] || [], state.options?.[name]),
    )
  }

  /* Rich text editors start after the page: wait for them (at most a few seconds). */
  function editorsReady(form) {
    const rich = [...form.querySelectorAll("textarea")].filter(isRich)
    return new Promise((resolve) => {
      const started = Date.now()
      const check = () => {
        if (rich.every(editorOf) || Date.now() - started > 8000) resolve()
        else setTimeout(check, 100)
      }
      check()
    })
  }

  // --- the browser's copy ------------------------------------------------------------

  const storageKey = (key) => `autosave:${key}`

  function readLocal(key) {
    try {
      return JSON.parse(localStorage.getItem(storageKey(key)) || "null")
    } catch {
      return null
    }
  }

  function writeLocal(key, entry) {
    try {
      localStorage.setItem(storageKey(key), JSON.stringify(entry))
    } catch {
      // Full or refused storage: the server's copy is all there is.
    }
  }

  const removeLocal = (key) => localStorage.removeItem(storageKey(key))

  /* The forms the server saved (its cookie): their browser copies are dropped. */
  function dropSavedCopies() {
    const cookie = document.cookie
      .split("; ")
      .find((part) => part.startsWith(`${SAVED_COOKIE}=`))
    if (!cookie) return
    for (const key of decodeURIComponent(cookie.slice(SAVED_COOKIE.length + 1))
      .replace(/^"|"$/g, "")
      .split("|"))
      if (key) removeLocal(key)
    document.cookie = `${SAVED_COOKIE}=; Max-Age=0; path=/; SameSite=Lax`
  }

  // --- the page ----------------------------------------------------------------------

  function csrfToken() {
    return document.querySelector("input[name=csrfmiddlewaretoken]")?.value || ""
  }

  function setCsrfToken(token) {
    for (const input of document.querySelectorAll("input[name=csrfmiddlewaretoken]"))
      input.value = token
  }

  function start(form, config) {
    const strings = config.strings
    const status = document.getElementById("editing-status")
    let snapshot = formState(form)
    let paused = false
    let lastStored = JSON.stringify(snapshot)
    let timer = null
    let firstChange = null
    let sending = false
    let retry = null

    const say = (text) => {
      status.textContent = text
      status.hidden = !text
      status.dataset.state = text ? status.dataset.state : ""
    }
    const tell = (state, text) => {
      status.dataset.state = state
      say(text)
    }

    /* GET the autosave and a fresh CSRF token: {autosave} or null (and says why). */
    async function fetchServer() {
      try {
        const response = await fetch(config.autosave_url, {
          headers: { Accept: "application/json" },
          cache: "no-store",
        })
        if (response.status === 401) tell("expired", strings.expired)
        if (!response.ok) return null
        const body = await response.json()
        setCsrfToken(body.csrf_token)
        return body
      } catch {
        tell("offline", strings.offline)
        return null
      }
    }

    function later() {
      clearTimeout(retry)
      retry = setTimeout(push, RETRY)
    }

    /* Send the browser's copy to the server until it has it. */
    async function push(tokenRefreshed = false) {
      const entry = readLocal(config.key)
      if (!entry?.pending || sending) return
      sending = true
      let response
      try {
        response = await fetch(config.autosave_url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            "X-CSRFToken": csrfToken(),
          },
          body: JSON.stringify({ data: entry.data, base_version: entry.base_version }),
        })
      } catch {
        sending = false
        tell("offline", strings.offline)
        return later()
      }
      sending = false
      const body = await response.json().catch(() => null)
      if (response.ok) {
        const now = readLocal(config.key)
        if (now && now.savedAt === entry.savedAt) writeLocal(config.key, { ...now, pending: false })
        tell("saved", format(strings.saved, { time: body.autosave.saved_at_display }))
        if (now?.pending && now.savedAt !== entry.savedAt) push()
      } else if (response.status === 401) {
        tell("expired", strings.expired)
        later()
      } else if (response.status === 403 && !body && !tokenRefreshed) {
        // A CSRF refusal: the token changed with a new login. Fetch it, try again.
        if (await fetchServer()) push(true)
        else later()
      } else {
        // Refused (too large, not allowed): kept in this browser; a server error may pass.
        tell("failed", format(strings.failed, { reason: body?.message || response.status }))
        if (response.status >= 500) later()
      }
    }

    /* Keep the form's state if it changed: in the browser now, on the server next. */
    function keep({ submitted = false, send = !submitted } = {}) {
      clearTimeout(timer)
      timer = null
      firstChange = null
      const state = formState(form)
      const json = JSON.stringify(state)
      if (json === lastStored && !submitted) return
      lastStored = json
      writeLocal(config.key, {
        data: state,
        savedAt: Date.now(),
        base_version: config.base_version,
        pending: !submitted,
        submitted,
      })
      if (send) {
        tell("saving", strings.saving)
        push()
      }
    }

    function changed() {
      if (paused) return
      firstChange ??= Date.now()
      clearTimeout(timer)
      timer = setTimeout(keep, Date.now() - firstChange > MAX_WAIT ? 0 : DEBOUNCE)
    }

    form.addEventListener("input", changed)
    form.addEventListener("change", changed)
    form.addEventListener("submit", () => {
      // Kept until the server says it was saved (the editing_saved cookie): a refused
      // or failed submission, even a login page, loses nothing.
      if (!paused) keep({ submitted: true })
    })
    window.addEventListener("online", () => push())
    // A page closing keeps its last keystrokes in this browser only (a request then
    // may never finish); the next opening of the form sends them.
    window.addEventListener("pagehide", () => {
      if (timer) keep({ send: false })
    })

    // --- restore or discard ---------------------------------------------------------

    const panel = document.getElementById("editing-restore")

    function offer(found) {
      const names = differences(found.data, snapshot)
      const rows = document.getElementById("editing-restore-rows")
      rows.replaceChildren(
        ...names.map((name) => {
          const row = document.createElement("tr")
          const label = document.createElement("th")
          label.scope = "row"
          label.textContent = labelOf(form, name)
          row.append(label)
          for (const state of [snapshot, found.data]) {
            const cell = document.createElement("td")
            cell.dir = "auto"
            cell.textContent = readable(form, state, name, strings)
            row.append(cell)
          }
          return row
        }),
      )
      document.getElementById("editing-restore-when").textContent = found.when
      paused = true
      panel.hidden = false
      document.getElementById("editing-restore-button").onclick = () => {
        const missing = writeState(form, found.data, names)
        panel.hidden = true
        paused = false
        tell(
          "restored",
          missing.length
            ? `${strings.restored} ${format(strings.not_restored, { fields: missing.map((n) => labelOf(form, n)).join(", ") })}`
            : strings.restored,
        )
        lastStored = ""
        keep()
        form.querySelector("input:not([type=hidden]), textarea, select")?.focus()
      }
      document.getElementById("editing-discard-button").onclick = async () => {
        panel.hidden = true
        paused = false
        removeLocal(config.key)
        tell("discarded", strings.discarded)
        try {
          await fetch(config.autosave_url, {
            method: "DELETE",
            headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
          })
        } catch {
          // Offline: the server's copy expires, or is replaced by the next autosave.
        }
      }
    }

    async function begin() {
      await editorsReady(form)
      snapshot = formState(form)
      lastStored = JSON.stringify(snapshot)
      const local = readLocal(config.key)
      const server = (await fetchServer())?.autosave
      if (config.bound) {
        // A refused submission shows the editor's newest text: keep it at once.
        lastStored = ""
        return keep()
      }
      const serverTime = server ? Date.parse(server.saved_at) : 0
      let found = null
      if (local && local.savedAt > serverTime) {
        found = { data: local.data, when: new Date(local.savedAt).toLocaleString() }
        if (local.pending || local.submitted) {
          writeLocal(config.key, { ...local, pending: true, submitted: false })
          push()
        }
      } else if (server) {
        found = { data: server.data, when: server.saved_at_display }
      }
      if (found && differences(found.data, snapshot).length) offer(found)
    }

    // --- a refused stale copy, merged field by field -----------------------------------

    const conflict = document.getElementById("editing-conflict")
    if (conflict) {
      const rows = JSON.parse(document.getElementById("editing-conflict-rows").textContent)
      const state = document.getElementById("editing-merge-state")
      const settled = new Set()
      editorsReady(form).then(() => {
        const mine = formState(form)
        const update = () => {
          if (settled.size === rows.length) {
            form.elements.namedItem("loaded_version").value = conflict.dataset.version
            state.textContent = strings.merge_ready
          } else {
            state.textContent = format(strings.merge_pending, {
              count: rows.length - settled.size,
            })
          }
        }
        for (const row of conflict.querySelectorAll("tr[data-name]")) {
          const data = rows[Number(row.dataset.index)]
          for (const button of row.querySelectorAll("button[data-keep]")) {
            button.addEventListener("click", () => {
              const theirs = button.dataset.keep === "theirs"
              writeField(
                form,
                data.name,
                theirs ? data.theirs.values : mine.fields[data.name] || [],
                theirs ? data.theirs.options : mine.options[data.name],
              )
              for (const other of row.querySelectorAll("button[data-keep]"))
                other.setAttribute("aria-pressed", String(other === button))
              row.querySelector(".editing-diff__state").textContent = theirs
                ? strings.using_theirs
                : strings.using_yours
              row.dataset.kept = button.dataset.keep
              settled.add(data.name)
              update()
            })
          }
        }
        update()
      })
    }

    begin()
  }

  function init() {
    dropSavedCopies()
    const config = JSON.parse(document.getElementById("editing-config")?.textContent || "null")
    const status = document.getElementById("editing-status")
    const form = status?.closest("form")
    if (config && form) start(form, config)
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init)
  else init()
})()
