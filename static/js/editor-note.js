/*
 * Notes in the article body's editor (django-prose-editor's configurable preset,
 * registered in thinktank/settings.py, offered by thinktank/html.py's
 * rich_text_widget(notes=True)). See docs/notes.md.
 *
 * A note is stored where its reference stands: <span data-note="">text</span>, its text
 * holding links and emphasis only (the server's sanitizer, thinktank/notes.py, keeps
 * the same). In the editor it is one inline node, shown as a numbered marker (numbered
 * after every change, so moving text renumbers it) that opens a small dialog with an
 * editor of its own: italics (Ctrl+I), bold (Ctrl+B) and links (Ctrl+K). The toolbar
 * button, or Ctrl+Alt+N, inserts a note at the cursor, or opens the selected one;
 * Enter or Space on a selected note opens it too. Footnotes pasted from Word, Google
 * Docs or LibreOffice become notes as they are pasted (pasted-footnotes.js).
 */
import {
  Bold,
  Document,
  Editor,
  Italic,
  Link,
  Node,
  Paragraph,
  Plugin,
  Text,
  crel,
} from "django-prose-editor/editor"
import { notesFromFootnotes } from "./pasted-footnotes.js"

const KEPT = new Set(["A", "EM", "I", "STRONG", "B"])
const BLOCKS = new Set(["P", "DIV", "LI", "BR", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE"])
const SAFE_HREF = /^(https?:|mailto:|tel:|\/|#)/i

/* A note's HTML with nothing but text, links and emphasis: parsed in an inert document
   (nothing loads, nothing runs), rebuilt element by element. */
export function cleanNoteHTML(html) {
  const source = new DOMParser().parseFromString(`<body>${html || ""}</body>`, "text/html")
  const out = document.createElement("div")
  const copy = (from, to) => {
    for (const node of from.childNodes) {
      if (node.nodeType === 3) {
        to.append(node.textContent)
      } else if (node.nodeType === 1 && node.matches("span[data-note]")) {
        copy(node, to) // a note inside a note gives its text
      } else if (node.nodeType === 1 && KEPT.has(node.tagName)) {
        const element = document.createElement(node.tagName.toLowerCase())
        const href = (node.getAttribute("href") || "").trim()
        if (node.tagName === "A" && SAFE_HREF.test(href)) element.setAttribute("href", href)
        copy(node, element)
        to.append(element)
      } else if (node.nodeType === 1) {
        copy(node, to)
        if (BLOCKS.has(node.tagName)) to.append(" ")
      }
    }
  }
  copy(source.body, out)
  return out.innerHTML.replace(/^(\s|&nbsp;)+|(\s|&nbsp;)+$/g, "")
}

const plainText = (html) =>
  new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body.textContent.trim()

/* The direction and language the article is written in: its textarea's. */
function writing(editor) {
  const textarea = editor.options.element.querySelector("textarea")
  return {
    dir: textarea?.getAttribute("dir") || document.documentElement.dir || "ltr",
    lang: textarea?.getAttribute("lang") || document.documentElement.lang || "",
  }
}

/* The dialog writing or editing a note: resolves to its HTML, "" to remove it, or
   null when cancelled. */
function noteDialog(editor, html, labels) {
  return new Promise((resolve) => {
    const { dir, lang } = writing(editor)
    const field = crel("div", { className: "note-dialog__text" })
    const title = crel("h3", {
      className: "prose-editor-dialog-title",
      textContent: html ? labels.edit : labels.insert,
    })
    const help = crel("p", { className: "note-dialog__help", textContent: labels.help })
    const button = (text, name, extra = {}) =>
      crel("button", { type: "button", textContent: text, name, ...extra })
    const italic = button(labels.italic, "italic", { "aria-pressed": "false" })
    const bold = button(labels.bold, "bold", { "aria-pressed": "false" })
    const link = button(labels.link, "link")
    const tools = crel("div", { className: "note-dialog__tools", role: "toolbar" }, [
      italic,
      bold,
      link,
    ])
    tools.setAttribute("aria-label", labels.formatting)
    const save = crel("button", { type: "submit", textContent: labels.save })
    const cancel = button(labels.cancel, "cancel")
    const actions = [save, cancel]
    if (html) actions.push(button(labels.remove, "remove", { className: "note-dialog__remove" }))
    const form = crel("form", { method: "dialog" }, [
      title,
      help,
      tools,
      field,
      crel("div", { className: "prose-editor-dialog-buttons" }, actions),
    ])
    const dialog = crel("dialog", { className: "prose-editor-dialog note-dialog" }, [form])
    dialog.setAttribute("aria-labelledby", (title.id = `note-dialog-title-${Date.now()}`))
    // The dialog speaks the admin's language; the note's text is the article's.
    field.dir = dir
    if (lang) field.lang = lang
    document.body.append(dialog)

    const inner = new Editor({
      element: field,
      extensions: [
        Document.extend({ content: "paragraph" }),
        Paragraph,
        Text,
        Italic,
        Bold,
        Link.configure({ enableTarget: false, openOnClick: false }),
      ],
      content: `<p>${cleanNoteHTML(html)}</p>`,
      editorProps: {
        attributes: { "aria-labelledby": title.id, "aria-multiline": "true", role: "textbox" },
      },
    })
    const refresh = () => {
      italic.setAttribute("aria-pressed", String(inner.isActive("italic")))
      bold.setAttribute("aria-pressed", String(inner.isActive("bold")))
    }
    inner.on("transaction", refresh)
    italic.addEventListener("click", () => inner.chain().focus().toggleItalic().run())
    bold.addEventListener("click", () => inner.chain().focus().toggleBold().run())
    link.addEventListener("click", () => inner.commands.addLink())

    let result = null
    const finish = () => {
      const paragraph = new DOMParser().parseFromString(inner.getHTML(), "text/html").body
      result = cleanNoteHTML(paragraph.firstElementChild?.innerHTML || "")
      dialog.close()
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault()
      finish()
    })
    // Enter in the note's text saves it (a note is one paragraph).
    field.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault()
        finish()
      }
    })
    cancel.addEventListener("click", () => dialog.close())
    // Escape cancels, wherever the focus is in the dialog.
    dialog.addEventListener(
      "keydown",
      (event) => {
        if (event.key === "Escape") {
          event.preventDefault()
          dialog.close()
        }
      },
      { capture: true },
    )
    form.querySelector("[name=remove]")?.addEventListener("click", () => {
      result = ""
      dialog.close()
    })
    dialog.addEventListener("close", () => {
      inner.destroy()
      dialog.remove()
      editor.commands.focus()
      resolve(result)
    })
    dialog.showModal()
    inner.commands.focus("end")
  })
}

export const Note = Node.create({
  name: "note",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return {
      // The digits each language counts with (thinktank.languages.COUNTING_DIGITS).
      digits: {},
      labels: {
        button: "Insert a note",
        insert: "New note",
        edit: "Note",
        marker: "Note",
        help: "The note's text, shown numbered at the end of the article.",
        formatting: "Formatting",
        italic: "Italic",
        bold: "Bold",
        link: "Link",
        save: "Save",
        cancel: "Cancel",
        remove: "Remove the note",
      },
    }
  },

  addAttributes() {
    return {
      html: {
        default: "",
        parseHTML: (element) => cleanNoteHTML(element.innerHTML),
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    // Above the marks that read a <span> (text styles) and the default rules.
    return [{ tag: "span[data-note]", priority: 60 }]
  },

  renderHTML({ node }) {
    const span = document.createElement("span")
    span.setAttribute("data-note", "")
    span.innerHTML = cleanNoteHTML(node.attrs.html)
    return span
  },

  addNodeView() {
    const labels = this.options.labels
    return ({ node, getPos, editor }) => {
      const number = crel("span", { className: "note-marker__number" })
      const dom = crel("button", { type: "button", className: "note-marker" }, [number])
      dom.contentEditable = "false"
      dom.title = plainText(node.attrs.html)
      dom.addEventListener("mousedown", (event) => event.preventDefault())
      dom.addEventListener("click", (event) => {
        event.preventDefault()
        editor.commands.editNote(getPos())
      })
      return {
        dom,
        update(updated) {
          if (updated.type.name !== "note") return false
          dom.title = plainText(updated.attrs.html)
          return true
        },
        ignoreMutation: () => true,
        stopEvent: (event) => event.type === "click" || event.type === "mousedown",
      }
    }
  },

  addProseMirrorPlugins() {
    const labels = this.options.labels
    // The markers numbered in order of appearance, in the article's digits, after
    // every change: the number shown and the name read out ("Note 3").
    const digits = this.options.digits
    const number = (view) => {
      const own = digits[writing(this.editor).lang.split("-")[0]]
      view.dom.querySelectorAll(".note-marker").forEach((marker, index) => {
        const ascii = String(index + 1)
        const label = own ? ascii.replace(/[0-9]/g, (digit) => own[digit]) : ascii
        const shown = marker.querySelector(".note-marker__number")
        if (shown.textContent !== label) shown.textContent = label
        marker.setAttribute("aria-label", `${labels.marker} ${label}`)
      })
    }
    return [
      new Plugin({
        view: (view) => (number(view), { update: number }),
        props: { transformPastedHTML: (html) => notesFromFootnotes(html) },
      }),
    ]
  },

  addCommands() {
    const labels = this.options.labels
    return {
      insertNote:
        () =>
        ({ editor }) => {
          const { selection } = editor.state
          if (selection.node?.type.name === "note") {
            return editor.commands.editNote(selection.from)
          }
          const at = selection.to
          noteDialog(editor, "", labels).then((html) => {
            if (html) {
              editor
                .chain()
                .focus()
                .insertContentAt(at, { type: "note", attrs: { html } })
                .run()
            }
          })
          return true
        },
      editNote:
        (position) =>
        ({ editor }) => {
          const node = editor.state.doc.nodeAt(position)
          if (node?.type.name !== "note") return false
          noteDialog(editor, node.attrs.html, labels).then((html) => {
            if (html === null) return
            const current = editor.state.doc.nodeAt(position)
            if (current?.type.name !== "note") return
            const chain = editor.chain().focus()
            if (html === "") {
              chain.deleteRange({ from: position, to: position + current.nodeSize }).run()
            } else {
              chain
                .command(({ tr }) => {
                  tr.setNodeMarkup(position, undefined, { ...current.attrs, html })
                  return true
                })
                .setNodeSelection(position)
                .run()
            }
          })
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    const openSelected = ({ editor }) => {
      const { selection } = editor.state
      if (selection.node?.type.name !== "note") return false
      return editor.commands.editNote(selection.from)
    }
    return {
      "Mod-Alt-n": ({ editor }) => editor.commands.insertNote(),
      Enter: openSelected,
      Space: openSelected,
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "note",
      groups: "link",
      command(editor) {
        editor.commands.insertNote()
      },
      button: buttons.material("edit_note", this.options.labels.button),
      active(editor) {
        return editor.isActive("note")
      },
    })
  },
})
