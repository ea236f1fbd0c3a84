/*
 * The concurrent-edit refusal merged side by side (editing/includes/editing.html,
 * editing/conflicts.py; docs/concurrency.md): for each differing field, "Use mine" or
 * "Use theirs" puts that value in the form; once every difference is settled, the form
 * says it was opened at the stored version, so the next save stores the merge.
 */
import { editorsReady, format, formState, writeField } from "./form-state.js"

async function merge(form, strings, conflict) {
  const rows = JSON.parse(document.getElementById("editing-conflict-rows").textContent)
  const state = document.getElementById("editing-merge-state")
  const settled = new Set()
  await editorsReady(form)
  const mine = formState(form, { served: true })

  const update = () => {
    if (settled.size === rows.length) {
      form.elements.namedItem("loaded_version").value = conflict.dataset.version
      state.textContent = strings.merge_ready
    } else {
      state.textContent = format(strings.merge_pending, { count: rows.length - settled.size })
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
}

const conflict = document.getElementById("editing-conflict")
const config = JSON.parse(document.getElementById("editing-config")?.textContent || "null")
const form = conflict?.closest("form")
if (conflict && config && form) merge(form, config.strings, conflict)
