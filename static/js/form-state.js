/*
 * An admin form's state, read and written field by field (docs/autosave.md): what
 * autosave.js keeps and restores and edit-conflict.js merges. Rich text is read from
 * and written to its django-prose-editor (Tiptap) editor, not its textarea; chosen
 * options keep their labels, so an autocomplete restores with its names.
 */
export const SKIPPED =
  /^(csrfmiddlewaretoken|loaded_version|_save|_continue|_addanother|_saveasnew)$|__prefix__|-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/
const editors = new Map()

// The editors announce themselves, before anyone can type in them: their content
// then is the served value, as the editor writes it.
const servedHTML = new WeakMap()
document.addEventListener("prose-editor:ready", (event) => {
  editors.set(event.detail.textarea, event.detail.editor)
  servedHTML.set(event.detail.textarea, richValue(event.detail.editor))
})

export const editorOf = (textarea) =>
  editors.get(textarea) ||
  textarea.closest(".prose-editor")?.querySelector(".ProseMirror")?.editor ||
  null

export const isRich = (element) =>
  element.tagName === "TEXTAREA" &&
  [...element.attributes].some((attribute) =>
    attribute.name.startsWith("data-django-prose-editor"),
  )

// What django-prose-editor puts in its textarea: "" for an empty document.
const richValue = (editor) => {
  const html = editor.getHTML()
  return /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html
}

export const format = (text, values) =>
  text.replace(/%\((\w+)\)s/g, (_match, name) => values[name] ?? "")

const servedRich = (textarea) =>
  servedHTML.has(textarea) ? servedHTML.get(textarea) : textarea.defaultValue

/* The form's state: {fields: {name: [value, ...]}, options: {name: [[value, label]]}}
   (the labels of chosen options, so a restored autocomplete shows them). `served`: the
   form as the server sent it (its default values), whatever was typed since. */
export function formState(form, { served = false } = {}) {
  const fields = {}
  const options = {}
  for (const element of form.elements) {
    const { name, type } = element
    if (!name || SKIPPED.test(name) || element.disabled) continue
    if (["file", "submit", "button", "reset", "image"].includes(type)) continue
    fields[name] ||= []
    if (type === "checkbox" || type === "radio") {
      if (served ? element.defaultChecked : element.checked) fields[name].push(element.value)
    } else if (element.tagName === "SELECT") {
      for (const option of element.options) {
        if (!(served ? option.defaultSelected : option.selected)) continue
        fields[name].push(option.value)
        ;(options[name] ||= []).push([option.value, option.textContent.trim()])
      }
    } else if (served) {
      fields[name].push(isRich(element) ? servedRich(element) : element.defaultValue)
    } else if (isRich(element) && editorOf(element)) {
      fields[name].push(richValue(editorOf(element)))
    } else {
      fields[name].push(element.value)
    }
  }
  return { fields, options }
}

export const sameValues = (a = [], b = []) =>
  a.length === b.length && a.every((value, index) => value === b[index])

export const elementsNamed = (form, name) => {
  const found = form.elements.namedItem(name)
  if (!found) return []
  return found instanceof RadioNodeList ? [...found] : [found]
}

/* A field's label as the form shows it, with its row for an inline's field. */
export function labelOf(form, name) {
  const element = elementsNamed(form, name)[0]
  const label = element?.id && form.querySelector(`label[for="${CSS.escape(element.id)}"]`)
  const text = (label?.textContent || name.replace(/^.*-/, "").replace(/_/g, " "))
    .trim()
    .replace(/:$/, "")
  const row = /-(\d+)-[^-]+$/.exec(name)
  return row ? `${text} (${Number(row[1]) + 1})` : text
}

export const plainText = (html) => {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body
  for (const block of body.querySelectorAll("p, li, h1, h2, h3, h4, h5, h6, blockquote, br"))
    block.after("\n")
  return body.textContent.replace(/\n{3,}/g, "\n\n").trim()
}

/* A field's value as an editor reads it. */
export function readable(form, state, name, strings) {
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

/* The names of the fields whose values differ between two states, in the order of
 * `current` (the form's own: a state stored as jsonb comes back with its keys sorted). */
export const differences = (saved, current) =>
  [...new Set([...Object.keys(current.fields), ...Object.keys(saved.fields)])].filter(
    (name) => !SKIPPED.test(name) && !sameValues(saved.fields[name], current.fields[name]),
  )

/* Rows enough in each inline for the fields of `names`, as "Add another" adds them. */
export function ensureRows(form, names) {
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
export function writeField(form, name, values, options = []) {
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

export function writeState(form, state, names) {
  ensureRows(form, names)
  return names.filter(
    (name) => !writeField(form, name, state.fields[name] || [], state.options?.[name]),
  )
}

/* Rich text editors start after the page: wait for them (at most a few seconds). */
export function editorsReady(form) {
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

const CONTEXT_WORDS = 12

/* Two readable values as nodes, what changed between them marked (<del> in the first,
   <ins> in the second): the words the two share at the start and the end are left
   plain, cut to a few words of context ("…") when long. */
export function markedChange(before, after) {
  const a = before.split(/(\s+)/)
  const b = after.split(/(\s+)/)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++
  const context = (tokens, fromEnd) => {
    const limit = CONTEXT_WORDS * 2
    if (tokens.length <= limit) return tokens.join("")
    return fromEnd ? `…${tokens.slice(-limit).join("")}` : `${tokens.slice(0, limit).join("")}…`
  }
  const side = (tokens, tag) => {
    const nodes = [context(tokens.slice(0, start), true)]
    const changed = tokens.slice(start, tokens.length - end).join("")
    if (changed) {
      const mark = document.createElement(tag)
      mark.textContent = changed
      nodes.push(mark)
    }
    nodes.push(context(tokens.slice(tokens.length - end), false))
    return nodes.filter((node) => node !== "")
  }
  return [side(a, "del"), side(b, "ins")]
}
