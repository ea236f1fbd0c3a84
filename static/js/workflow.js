/*
 * The article's save bar (templates/admin/articles/article/includes/workflow.html,
 * articles/admin/workflow.py). Without this script every field shows in the bar and
 * every button submits at once; with it:
 * - "Submit for review", "Schedule…", "Unpublish" and "Send back to the author" open a
 *   dialog asking for what the step needs (the note, the time), and a publishing step
 *   asks to confirm when a check before publish fails ("Publish anyway");
 * - a time (the scheduled one, the one being chosen, in the site's time zone) is shown
 *   in the editor's own time zone too.
 * The server checks everything again: this only saves clicks and says things earlier.
 */
const setUpWorkflowBar = () => {
  const bar = document.getElementById("workflow-bar")
  if (!bar) return
  const siteZone = bar.dataset.siteZone || "UTC"
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const language = document.documentElement.lang || undefined

  /* Minutes `zone` is ahead of UTC at `date`. */
  const offsetMinutes = (date, zone) => {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(date)
    const get = (type) => Number(parts.find((part) => part.type === type).value)
    const asUTC = Date.UTC(
      get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"),
    )
    return (asUTC - Math.floor(date.getTime() / 1000) * 1000) / 60000
  }

  /* The moment a datetime-local value ("2026-12-06T14:30") means on the site's clock. */
  const siteTime = (value) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || "")
    if (!match) return null
    const wall = Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5])
    let moment = wall - offsetMinutes(new Date(wall), siteZone) * 60000
    moment = wall - offsetMinutes(new Date(moment), siteZone) * 60000
    return new Date(moment)
  }

  const inBrowserZone = (moment) =>
    `${bar.dataset.localLabel} (${browserZone}): ` +
    new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "short" }).format(moment)

  for (const element of bar.querySelectorAll(".workflow-local-time[data-utc]")) {
    const moment = new Date(element.dataset.utc)
    if (!Number.isNaN(moment.getTime()) && browserZone !== siteZone) {
      element.textContent = inBrowserZone(moment)
      element.hidden = false
    }
  }

  const scheduleField = document.getElementById("workflow-schedule")
  const scheduleInput = scheduleField && scheduleField.querySelector("input")
  const scheduleLocal = document.getElementById("workflow-schedule-local")
  const showScheduleLocal = () => {
    const moment = siteTime(scheduleInput.value)
    scheduleLocal.hidden = !scheduleInput.value
    scheduleLocal.textContent = moment ? inBrowserZone(moment) : bar.dataset.invalidLabel
  }
  if (scheduleInput) {
    scheduleInput.addEventListener("input", showScheduleLocal)
    showScheduleLocal()
  }

  /* The fields the dialog borrows, and where they go back to. */
  const noteField = document.getElementById("workflow-note")
  const anywayField = document.getElementById("workflow-anyway")
  const hasErrors = (field) => field && field.querySelector(".errorlist")
  const homes = new Map()
  for (const field of [scheduleField, anywayField]) {
    if (field && !hasErrors(field)) field.hidden = true // shown in the dialog when needed
  }

  const dialog = document.getElementById("workflow-dialog")
  const dialogFields = dialog.querySelector(".workflow-dialog__fields")
  const confirm = dialog.querySelector(".workflow-dialog__confirm")
  const borrowed = []

  const borrow = (field, required) => {
    homes.set(field, [field.parentNode, field.nextSibling, field.hidden])
    field.hidden = false
    dialogFields.append(field)
    const input = field.querySelector("input, textarea")
    if (required && input) input.required = true
    borrowed.push(field)
  }

  const giveBack = () => {
    for (const field of borrowed.splice(0)) {
      const [parent, next, hidden] = homes.get(field)
      parent.insertBefore(field, next)
      field.hidden = hidden
      for (const input of field.querySelectorAll("[required]")) input.required = false
    }
  }

  const open = (button) => {
    const step = button.value
    dialog.querySelector("h2").textContent = button.textContent.trim()
    const problems = [...bar.querySelectorAll(".workflow-checks__problems li")]
    const asks = button.dataset.publishing && anywayField
      ? problems.map((problem) => problem.textContent.trim()).join(" ")
      : ""
    dialog.querySelector(".workflow-dialog__asks").textContent = button.dataset.asks || asks
    // Required when the server checked what was submitted; the list shown for the stored
    // article may be out of date with the form, and the server checks again anyway.
    if (button.dataset.publishing && anywayField) {
      borrow(anywayField, Boolean(anywayField.dataset.checkedNow))
    }
    if (step === "schedule" && scheduleField) borrow(scheduleField, true)
    if (button.dataset.asks && noteField) borrow(noteField, Boolean(button.dataset.noteRequired))
    confirm.value = step
    confirm.textContent = button.textContent.trim()
    dialog.showModal()
    const first = dialogFields.querySelector("input, textarea")
    if (first) first.focus()
  }

  for (const button of bar.querySelectorAll(".workflow-buttons button[name=workflow_action]")) {
    const asks = button.dataset.asks || (button.dataset.publishing && anywayField)
    if (!asks) continue
    button.setAttribute("aria-haspopup", "dialog")
    button.addEventListener("click", (event) => {
      event.preventDefault()
      open(button)
    })
  }
  dialog.querySelector(".workflow-dialog__cancel").addEventListener("click", () => dialog.close())
  dialog.addEventListener("close", giveBack)
  // The admin's form is novalidate: the dialog asks for what the step needs itself.
  confirm.addEventListener("click", (event) => {
    const missing = [...dialogFields.querySelectorAll("[required]")].find(
      (input) => !input.checkValidity() || (input.type !== "checkbox" && !input.value.trim()),
    )
    if (missing) {
      event.preventDefault()
      missing.reportValidity()
      missing.focus()
    }
  })
}

// The admin loads its scripts in the head: the bar exists once the page is parsed.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", setUpWorkflowBar)
} else {
  setUpWorkflowBar()
}
