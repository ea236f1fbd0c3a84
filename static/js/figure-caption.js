/*
 * A library figure's caption in the body editor (figure-tool.js): read from pasted or
 * stored HTML through an inert document, keeping only what the server's sanitizer keeps
 * in a caption (inline HTML).
 */
// What a caption may hold, as the server's sanitizer keeps it (inline HTML).
const CAPTION_TAGS = new Set(["A", "EM", "I", "STRONG", "B", "SUB", "SUP", "BR", "SPAN", "CODE", "SMALL", "Q", "CITE", "ABBR"])
const CAPTION_ATTRIBUTES = { A: ["href", "title", "hreflang"], SPAN: ["data-note"], ABBR: ["title"] }

/* A copy of `source`'s children keeping only the caption's tags and attributes:
   the caption is read from pasted or stored HTML through an inert document. */
const copyCaption = (source, target) => {
  for (const child of source.childNodes) {
    if (child.nodeType === 3) {
      target.append(document.createTextNode(child.textContent))
    } else if (child.nodeType === 1 && CAPTION_TAGS.has(child.tagName)) {
      const copy = document.createElement(child.tagName.toLowerCase())
      for (const name of CAPTION_ATTRIBUTES[child.tagName] || []) {
        const value = child.getAttribute(name)
        if (value !== null && !(name === "href" && !/^(https?:|mailto:|tel:|\/|#)/i.test(value.trim()))) {
          copy.setAttribute(name, value)
        }
      }
      copyCaption(child, copy)
      target.append(copy)
    } else if (child.nodeType === 1) {
      copyCaption(child, target)
    }
  }
  return target
}

export const captionElement = (html) => {
  const inert = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html")
  return copyCaption(inert.body, document.createElement("figcaption"))
}

export const escapeText = (text) => {
  const span = document.createElement("span")
  span.textContent = text
  return span.innerHTML
}

export const captionText = (html) => captionElement(html).textContent.trim()
