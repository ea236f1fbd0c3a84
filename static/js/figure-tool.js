/*
 * The body editor's figure tool (library/editor.py configures it; docs/images.md).
 *
 * A Tiptap node, "libraryFigure", stored as
 *   <figure data-image="42" data-size="full|inline"><figcaption>…</figcaption></figure>
 * (the id of a library image, never its address). In the editor it shows a preview
 * of the image, fetched by id from the admin (options.urls.preview), which is not
 * stored. A toolbar button opens the chooser: search the library, or upload a new
 * image with its title and alt text, then insert it full width or inline with an
 * optional caption. The chooser is a modal <dialog> (focus kept inside, Escape
 * closes it); every control is a button, input or radio, so it works from the
 * keyboard, and Enter on a selected figure opens it in the chooser. Its words come translated from the server (options.strings).
 */
import { Node, crel } from "django-prose-editor/editor"
import { captionElement, captionText, escapeText } from "./figure-caption.js"
import { liveSearch, searchBox } from "./search-dialog.js"

const SIZES = ["full", "inline"]
const previews = new Map()

/* The image `id` as the editor shows it (title, alt text, thumbnail), or null. */
const preview = (options, id) => {
  const key = `${id}:${options.language || ""}`
  if (!previews.has(key)) {
    const url = new URL(options.urls.preview.replace(/\/0\/preview$/, `/${encodeURIComponent(id)}/preview`), location.href)
    if (options.language) url.searchParams.set("language", options.language)
    previews.set(
      key,
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null),
    )
  }
  return previews.get(key)
}

const csrfToken = () => {
  const input = document.querySelector("input[name=csrfmiddlewaretoken]")
  if (input) return input.value
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/)
  return match ? decodeURIComponent(match[1]) : ""
}

let dialogs = 0

/* The chooser: resolves with {image, size, caption} or null when cancelled. */
const openChooser = (editor, options, current = null) =>
  new Promise((resolve) => {
    const t = options.strings
    const prefix = `library-chooser-${++dialogs}`
    let chosen = current ? { id: Number(current.image) } : null

    const box = searchBox("library-chooser", prefix, t)
    const { search, query, status, results } = box

    const field = (name, label, attributes = {}) => {
      const input = crel("input", { id: `${prefix}-${name}`, name, ...attributes })
      return [crel("label", { htmlFor: input.id, textContent: label }), input]
    }
    const uploadErrors = crel("ul", { className: "errorlist", role: "alert" })
    const uploadButton = crel("button", { type: "button", textContent: t.upload })
    const upload = crel("details", { className: "library-chooser__upload" }, [
      crel("summary", { textContent: t.uploadTitle }),
      crel("div", { className: "library-chooser__fields" }, [
        ...field("file", t.file, { type: "file", accept: "image/jpeg,image/png,image/gif,image/webp" }),
        ...field("title", t.title, { type: "text", maxLength: 200 }),
        ...field("alt_text", t.alt, { type: "text", maxLength: 500 }),
        crel("p", { className: "help", textContent: t.altHelp }),
        ...field("credit", t.credit, { type: "text", maxLength: 200 }),
      ]),
      uploadErrors,
      uploadButton,
    ])

    const sizes = crel(
      "fieldset",
      { className: "library-chooser__sizes" },
      [
        crel("legend", { textContent: t.size }),
        ...SIZES.flatMap((size) => {
          const radio = crel("input", {
            type: "radio",
            name: `${prefix}-size`,
            id: `${prefix}-size-${size}`,
            value: size,
            checked: (current?.size || "full") === size,
          })
          return [
            crel("span", { className: "library-chooser__size" }, [
              radio,
              crel("label", { htmlFor: radio.id, textContent: t[size] }),
            ]),
          ]
        }),
      ],
    )
    const storedCaption = current?.caption || ""
    const caption = crel("input", {
      type: "text",
      id: `${prefix}-caption`,
      value: captionText(storedCaption),
    })
    const captionField = crel("div", { className: "library-chooser__caption" }, [
      crel("label", { htmlFor: caption.id, textContent: t.caption }),
      caption,
      crel("p", { className: "help", textContent: t.captionHelp }),
    ])

    const insert = crel("button", {
      type: "button",
      className: "default",
      textContent: current ? t.update : t.insert,
      disabled: !chosen,
    })
    const cancel = crel("button", { type: "button", textContent: t.cancel })
    const heading = crel("h2", { id: `${prefix}-title`, textContent: current ? t.editTitle : t.dialogTitle })
    const dialog = crel(
      "dialog",
      { className: "library-chooser", "aria-labelledby": heading.id },
      [
        heading,
        search,
        status,
        results,
        upload,
        sizes,
        captionField,
        crel("div", { className: "library-chooser__buttons" }, [insert, cancel]),
      ],
    )
    dialog.dir = document.documentElement.dir || "ltr"

    const choose = (id) => {
      chosen = { id }
      insert.disabled = false
      for (const button of results.querySelectorAll("button")) {
        button.setAttribute("aria-pressed", String(Number(button.dataset.image) === id))
      }
    }

    const show = (images) => {
      results.textContent = ""
      for (const image of images) {
        const thumbnail = crel("img", {
          src: image.thumbnail.url,
          alt: "",
          width: 120,
          height: 90,
          loading: "lazy",
        })
        const button = crel(
          "button",
          { type: "button", className: "library-chooser__image", "data-image": image.id, "aria-pressed": "false" },
          [thumbnail, crel("span", { textContent: image.title })],
        )
        button.title = image.alt
        button.addEventListener("click", () => choose(image.id))
        results.append(crel("li", {}, [button]))
      }
      if (chosen) choose(chosen.id)
      status.textContent = images.length ? t.found.replace("%(count)s", images.length) : t.none
    }

    const runSearch = liveSearch(box, { url: options.urls.search, language: options.language, strings: t, show })

    const runUpload = () => {
      const data = new FormData()
      for (const name of ["file", "title", "alt_text", "credit"]) {
        const input = upload.querySelector(`[name=${name}]`)
        if (name === "file") {
          if (input.files[0]) data.append("file", input.files[0])
        } else {
          data.append(name, input.value)
        }
      }
      if (options.language) data.append("language", options.language)
      uploadErrors.textContent = ""
      uploadButton.disabled = true
      status.textContent = t.uploading
      fetch(options.urls.upload, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      })
        .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
        .then(({ ok, body }) => {
          uploadButton.disabled = false
          if (!ok) {
            for (const messages of Object.values(body.errors || {})) {
              for (const message of messages) uploadErrors.append(crel("li", { textContent: message }))
            }
            status.textContent = t.uploadFailed
            return
          }
          for (const input of upload.querySelectorAll("input")) input.value = ""
          upload.open = false
          previews.set(`${body.id}:${options.language || ""}`, Promise.resolve(body))
          chosen = { id: body.id }
          show([body])
          status.textContent = t.uploaded
          insert.focus()
        })
        .catch(() => {
          uploadButton.disabled = false
          status.textContent = t.uploadFailed
        })
    }

    uploadButton.addEventListener("click", runUpload)
    let result = null
    insert.addEventListener("click", () => {
      if (!chosen) return
      const size = dialog.querySelector(`input[name="${prefix}-size"]:checked`)?.value || "full"
      const typed = caption.value.trim()
      // An unchanged caption keeps its formatting; a typed one is text.
      const html = typed === captionText(storedCaption) ? storedCaption : escapeText(typed)
      result = { image: String(chosen.id), size, caption: typed ? html : "" }
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
    runSearch()
  })

/* Change the figure at `position` through the chooser. */
const editFigure = (editor, options, position, attrs) =>
  openChooser(editor, options, attrs).then((changed) => {
    if (changed) {
      editor.chain().setNodeSelection(position).updateAttributes("libraryFigure", changed).run()
    }
  })

export const LibraryFigure = Node.create({
  name: "libraryFigure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { urls: {}, strings: {}, language: "" }
  },

  addAttributes() {
    return {
      image: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-image"),
        renderHTML: (attributes) => ({ "data-image": attributes.image }),
      },
      size: {
        default: "full",
        parseHTML: (element) => (element.getAttribute("data-size") === "inline" ? "inline" : "full"),
        renderHTML: (attributes) => ({ "data-size": attributes.size }),
      },
      caption: {
        default: "",
        parseHTML: (element) => {
          const figcaption = element.querySelector(":scope > figcaption")
          return figcaption ? captionElement(figcaption.innerHTML).innerHTML.trim() : ""
        },
        rendered: false,
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-image]", priority: 60 }]
  },

  renderHTML({ node }) {
    const figure = document.createElement("figure")
    figure.setAttribute("data-image", node.attrs.image)
    figure.setAttribute("data-size", node.attrs.size)
    if (node.attrs.caption) figure.append(captionElement(node.attrs.caption))
    return figure
  },

  addNodeView() {
    return ({ node, editor, getPos }) => {
      const t = this.options.strings
      const image = crel("img", { alt: "", className: "library-figure__image" })
      const label = crel("span", { className: "library-figure__label" })
      const caption = crel("span", { className: "library-figure__caption" })
      const edit = crel("button", { type: "button", className: "library-figure__edit", textContent: t.edit })
      const dom = crel("figure", { className: "library-figure", contentEditable: "false" }, [
        image,
        crel("figcaption", {}, [label, caption, edit]),
      ])
      let current = node

      const render = () => {
        const { attrs } = current
        dom.className = `library-figure library-figure--${attrs.size}`
        dom.dataset.image = attrs.image
        caption.textContent = captionText(attrs.caption)
        label.textContent = `${t[attrs.size]} · #${attrs.image}`
        preview(this.options, attrs.image).then((data) => {
          if (current.attrs.image !== attrs.image) return
          if (!data) {
            image.hidden = true
            label.textContent = `${t.missing} · #${attrs.image}`
            return
          }
          image.hidden = false
          image.src = data.thumbnail.url
          if (data.thumbnail.width) image.width = data.thumbnail.width
          if (data.thumbnail.height) image.height = data.thumbnail.height
          image.alt = data.alt
          if (!attrs.caption) caption.textContent = data.caption
          dom.classList.toggle("library-figure--library-caption", !attrs.caption)
        })
      }

      edit.addEventListener("click", (event) => {
        event.preventDefault()
        if (typeof getPos === "function") editFigure(editor, this.options, getPos(), current.attrs)
      })
      render()
      return {
        dom,
        update: (updated) => {
          if (updated.type !== current.type) return false
          current = updated
          render()
          return true
        },
        stopEvent: (event) => edit.contains(event.target),
        ignoreMutation: () => true,
      }
    }
  },

  addCommands() {
    return {
      chooseLibraryFigure:
        () =>
        ({ editor }) => {
          // After the block the cursor is in (a figure never splits a paragraph); the
          // dialog is modal, so the document does not change meanwhile.
          const { $from } = editor.state.selection
          const at = $from.depth > 0 ? $from.after(1) : $from.pos
          openChooser(editor, this.options).then((attrs) => {
            if (attrs) editor.chain().focus().insertContentAt(at, { type: this.name, attrs }).run()
          })
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return {
      // A selected figure (reached with the arrow keys) opens in the chooser.
      Enter: ({ editor }) => {
        const { node, from } = editor.state.selection
        if (node?.type.name !== this.name) return false
        editFigure(editor, this.options, from, node.attrs)
        return true
      },
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: this.name,
      groups: "nodes",
      button: buttons.material("add_photo_alternate", this.options.strings.button),
      command: (editor) => editor.commands.chooseLibraryFigure(),
      active: (editor) => editor.isActive(this.name),
    })
  },
})
