/*
 * Soft locks (editing.admin.EditingAdminMixin; docs/autosave.md): while a change form
 * is open, a heartbeat tells the server so every EDIT_LOCK_HEARTBEAT seconds. If
 * another editor holds the object, the page says who and since when, and offers to
 * take over on purpose; the editor whose lock was taken is told so at their next
 * heartbeat. Nothing is refused: saving still works (and a stale copy is still refused
 * by the version check). A real save releases the lock (on the server); a page closed
 * without saving leaves it to go stale. No request is sent as the page closes.
 */
;(() => {
  const format = (text, values) =>
    text.replace(/%\((\w+)\)s/g, (_match, name) => values[name] ?? "")

  function start(config) {
    const box = document.getElementById("editing-lock")
    const text = document.getElementById("editing-lock-text")
    const button = document.getElementById("editing-take-over")
    const strings = config.strings
    let held = false
    let taken = false

    const token = () => document.querySelector("input[name=csrfmiddlewaretoken]")?.value || ""

    async function beat(takeOver = false) {
      let response
      try {
        response = await fetch(config.lock_url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            "X-CSRFToken": token(),
          },
          body: JSON.stringify({ take_over: takeOver }),
        })
      } catch {
        return // offline: autosave.js says so
      }
      // A server busy for a moment: try again soon. An expired session: autosave.js
      // says so, and the next heartbeat finds the new one.
      if (response.status >= 500) setTimeout(() => beat(takeOver), 3000)
      if (!response.ok) return
      const lock = await response.json()
      if (lock.mine) {
        held = true
        taken = false
        box.hidden = !takeOver
        box.dataset.state = "mine"
        text.textContent = strings.lock_mine
        button.hidden = true
        return
      }
      taken ||= held
      held = false
      box.hidden = false
      box.dataset.state = taken ? "taken" : "other"
      button.hidden = false
      text.textContent = format(taken ? strings.lock_taken : strings.lock_other, {
        who: lock.holder,
        since: lock.since_display,
      })
    }

    button.addEventListener("click", () => beat(true))
    beat()
    setInterval(beat, config.heartbeat_seconds * 1000)
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") beat()
    })
  }

  function init() {
    const config = JSON.parse(document.getElementById("editing-config")?.textContent || "null")
    if (config?.lock_url && document.getElementById("editing-lock")) start(config)
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init)
  else init()
})()
