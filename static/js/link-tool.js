/*
 * The body editor's link tool (articles/admin/links.py configures it; see
 * docs/internal-links.md).
 *
 * A Tiptap mark, "internalLink", stored as <a data-link="article:42">text</a>: a
 * reference to one of the site's articles, experts, topics or regions by kind and id,
 * never by its address, so the link follows the target's slug; the page renders the
 * current address (or the text alone while the target is not public). The toolbar
 * button (or Ctrl+Alt+K) opens a modal <dialog>: search the site (drafts are found and
 * marked), choose a result, or type an address elsewhere instead. Every control is a
 * button or an input, the results a list of toggle buttons: it works from the
 * keyboard (Escape closes it). Its words come translated from the server
 * (options.strings), the names in the article's language (options.language).
 */
import { Mark, crel } from "django-prose-editor/editor"
import { liveSearch, searchBox } from "./search-dialog.js"

const REFERENCE = /^(article|expert|topic|region):[1-9][0-9]{0,17}$/
const SAFE_HREF = /^(https?:|mailto:|tel:|\/|#)/i

let styled = false
const addStyleSheet = (href) => {
  if (styled || !href) return
  styled = true
  document.head.append(crel("link", { rel: "stylesheet", href }))
}

let dialogs = 0

/* The dialog: resolves with {reference, title} or {href} or {remove: true}, or null. */
const openLinkDialog = (editor, options, current) =>
  new Promise((resolve) => {
    const t = options.strings
    const prefix = `link-tool-${++dialogs}`
    let chosen = current?.reference ? { reference: current.reference, title: "" } : null

    const heading = crel("h2", { id: `${prefix}-title`, textContent: current ? t.editTitle : t.dialogTitle })
    const box = searchBox("link-tool", prefix, t)
    const { search, query, status, results } = box

    const address = crel("input", {
      type: "url",
      id: `${prefix}-href`,
      autocomplete: "off",
      value: current?.href || "",
      placeholder: "https://",
    })
    const addressField = crel("div", { className: "link-tool__address" }, [
      crel("label", { htmlFor: address.id, textContent: t.addressLabel }),
      address,
      crel("p", { className: "help", id: `${prefix}-href-help`, textContent: t.addressHelp }),
    ])
    address.setAttribute("aria-describedby", `${prefix}-href-help`)

    const needsText = editor.state.selection.empty && !current
    const text = crel("input", { type: "text", id: `${prefix}-text`, autocomplete: "off", dir: "auto" })
    if (options.language) text.lang = options.language
    const textField = crel("div", { className: "link-tool__text", hidden: !needsText }, [
      crel("label", { htmlFor: text.id, textContent: t.textLabel }),
      text,
    ])
    const errors = crel("p", { className: "errornote link-tool__error", role: "alert", hidden: true })

    const insert = crel("button", { type: "button", className: "default", textContent: current ? t.update : t.insert })
    const remove = crel("button", { type: "button", textContent: t.remove, hidden: !current })
    const cancel = crel("button", { type: "button", textContent: t.cancel })
    const dialog = crel("dialog", { className: "link-tool", "aria-labelledby": heading.id }, [
      heading,
      search,
      status,
      results,
      addressField,
      textField,
      errors,
      crel("div", { className: "link-tool__buttons" }, [insert, remove, cancel]),
    ])
    dialog.dir = document.documentElement.dir || "ltr"

    const mark = () => {
      for (const button of results.querySelectorAll("button")) {
        button.setAttribute("aria-pressed", String(button.dataset.reference === chosen?.reference))
      }
    }

    const choose = (result) => {
      chosen = { reference: result.reference, title: result.title }
      address.value = ""
      if (!text.value) text.value = result.title
      errors.hidden = true
      mark()
    }

    const show = (items) => {
      results.textContent = ""
      for (const item of items) {
        const title = crel("span", { className: "link-tool__title", textContent: item.title, lang: item.language, dir: item.dir })
        const parts = [title, crel("span", { className: "link-tool__kind", textContent: item.kindLabel })]
        if (item.detail && item.detail !== item.status) {
          parts.push(crel("span", { className: "link-tool__detail", textContent: item.detail }))
        }
        if (!item.public) {
          parts.push(crel("strong", { className: "link-tool__unpublished", textContent: `${item.status} · ${t.notPublic}` }))
        }
        const button = crel(
          "button",
          {
            type: "button",
            className: `link-tool__result${item.public ? "" : " link-tool__result--unpublished"}`,
            "data-reference": item.reference,
            "aria-pressed": "false",
          },
          parts,
        )
        button.addEventListener("click", () => choose(item))
        results.append(crel("li", {}, [button]))
      }
      mark()
      status.textContent = items.length ? t.found.replace("%(count)s", items.length) : t.none
    }

    liveSearch(box, { url: options.urls.search, language: options.language, strings: t, show, needsQuery: true })
    address.addEventListener("input", () => {
      if (address.value.trim()) {
        chosen = null
        mark()
      }
    })

    let result = null
    insert.addEventListener("click", () => {
      const href = address.value.trim()
      const linkText = text.value.trim()
      let problem = ""
      if (!chosen && !href) problem = t.chooseFirst
      else if (!chosen && !SAFE_HREF.test(href)) problem = t.badAddress
      else if (needsText && !linkText) problem = t.textFirst
      if (problem) {
        errors.textContent = problem
        errors.hidden = false
        return
      }
      result = chosen ? { reference: chosen.reference, text: linkText } : { href, text: linkText }
      dialog.close()
    })
    remove.addEventListener("click", () => {
      result = { remove: true }
      dialog.close()
    })
    cancel.addEventListener("click", () => dialog.close())
    dialog.addEventListener("close", () => {
      dialog.remove()
      editor.view.focus()
      resolve(result)
    })

    document.body.append(dialog)
    dialog.showModal()
    query.focus()
    status.textContent = t.typeToSearch
  })

export const InternalLink = Mark.create({
  name: "internalLink",
  priority: 1001, // before Tiptap's link, so an <a data-link> is never read as one
  keepOnSplit: false,
  inclusive: false,
  excludes: "link",

  addOptions() {
    return { urls: {}, strings: {}, language: "", css: "" }
  },

  onCreate() {
    addStyleSheet(this.options.css)
  },

  addAttributes() {
    return {
      reference: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-link"),
        renderHTML: (attributes) => ({ "data-link": attributes.reference }),
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: "a[data-link]",
        priority: 60,
        getAttrs: (element) => (REFERENCE.test(element.getAttribute("data-link") || "") ? null : false),
      },
    ]
  },

  renderHTML({ HTMLAttributes }) {
    return ["a", { "data-link": HTMLAttributes["data-link"] }, 0]
  },

  addCommands() {
    return {
      openLinkTool:
        () =>
        ({ editor }) => {
          const internal = editor.isActive(this.name)
          const external = editor.isActive("link")
          if (internal) editor.commands.extendMarkRange(this.name)
          else if (external) editor.commands.extendMarkRange("link")
          const current = internal
            ? { reference: editor.getAttributes(this.name).reference }
            : external
              ? { href: editor.getAttributes("link").href }
              : null
          const { from, to } = editor.state.selection
          openLinkDialog(editor, this.options, current).then((choice) => {
            if (!choice) return
            const chain = editor.chain().focus().setTextSelection({ from, to })
            if (choice.remove) {
              chain.unsetMark(this.name).unsetMark("link").run()
              return
            }
            const mark = choice.reference
              ? { type: this.name, attrs: { reference: choice.reference } }
              : { type: "link", attrs: { href: choice.href } }
            if (from === to) {
              chain.insertContent({ type: "text", text: choice.text, marks: [mark] }).run()
            } else {
              chain.unsetMark(this.name).unsetMark("link").setMark(mark.type, mark.attrs).run()
            }
          })
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return { "Mod-Alt-k": ({ editor }) => editor.commands.openLinkTool() }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: this.name,
      groups: "link",
      button: buttons.material("add_link", this.options.strings.button),
      command: (editor) => editor.commands.openLinkTool(),
      active: (editor) => editor.isActive(this.name),
    })
  },
})
