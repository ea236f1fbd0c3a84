/*
 * Autosave of an admin form (editing.admin.EditingAdminMixin; docs/autosave.md).
 *
 * While the editor types, the form's state is kept in this browser (localStorage) and,
 * debounced, sent to the server as the editor's one private autosave of this form.
 * The browser's copy stays until the server has it, so a lost connection or an expired
 * session loses nothing: the page says so and sends it again once it can (after a new
 * login in another tab, with a fresh CSRF token). Reopening the form offers the newer
 * of the two copies, with what differs from the saved version, to restore or discard.
 * The form is read and written by form-state.js; a refused stale copy is merged by
 * edit-conflict.js.
 */
import {
  differences,
  editorsReady,
  format,
  formState,
  labelOf,
  markedChange,
  readable,
  writeState,
} from "./form-state.js"

;(() => {
  const SAVED_COOKIE = "editing_saved"
  const DEBOUNCE = 2000
  const MAX_WAIT = 10000
  const RETRY = 5000
  const KEEPALIVE_LIMIT = 60000 // bytes, under the browsers' 64 KB for keepalive requests

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
    let snapshot = formState(form, { served: true })
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
    // A page closing keeps its last keystrokes in this browser, and sends them in a
    // request that outlives the page (keepalive, which browsers cap at 64 KB: a larger
    // form, or one that fails, is sent from this browser's copy at the next opening).
    window.addEventListener("pagehide", () => {
      if (timer) keep({ send: false })
      const entry = readLocal(config.key)
      if (paused || !entry?.pending) return
      const body = JSON.stringify({ data: entry.data, base_version: entry.base_version })
      if (new Blob([body]).size > KEEPALIVE_LIMIT) return
      fetch(config.autosave_url, {
        method: "POST",
        keepalive: true,
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "X-CSRFToken": csrfToken(),
        },
        body,
      }).catch(() => {})
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
          const [saved, unsaved] = markedChange(
            readable(form, snapshot, name, strings),
            readable(form, found.data, name, strings),
          )
          for (const nodes of [saved, unsaved]) {
            const cell = document.createElement("td")
            cell.dir = "auto"
            cell.append(...nodes)
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
      snapshot = formState(form, { served: true })
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
