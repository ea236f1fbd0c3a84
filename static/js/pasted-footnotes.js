/*
 * Footnotes pasted from Word, Google Docs or LibreOffice as notes, at once: the note
 * tool (editor-note.js) runs notesFromFootnotes on the HTML of every paste, before the
 * editor reads it. The rules are those of the server's thinktank/footnotes.py, which
 * still applies them on save (imports, and anything that did not come through here);
 * see docs/notes.md.
 *
 * A reference links to its note (href="#_ftn1"), the note links back (href="#_ftnref1"):
 *   Word:         <a href="#_ftn1">[1]</a> ... <div id=ftn1><p><a href="#_ftnref1">[1]</a> text</p></div>
 *   Google Docs:  <sup><a href="#ftnt1">[1]</a></sup> ... <p><a href="#ftnt_ref1">[1]</a> text</p>
 *   LibreOffice:  <a href="#sdfootnote1sym">1</a> ... <div id="sdfootnote1"><p><a href="#sdfootnote1anc">1</a> text</p></div>
 *   mammoth:      <sup><a href="#footnote-1">[1]</a></sup> ... <li><p>text <a href="#footnote-ref-1">↑</a></p></li>
 * Each note's text (links and emphasis kept) goes into <span data-note=""> in place of
 * its reference, and the list at the end goes. Anything that does not pair stays.
 */

// A back link's kind as its reference's (Word's endnotes are _edn, mammoth's endnote-).
const BACK_KINDS = {
  _ftnref: "_ftn",
  _ednref: "_edn",
  ftnt_ref: "ftnt",
  "footnote-ref-": "footnote-",
  "endnote-ref-": "endnote-",
}
// LibreOffice numbers in the middle: the reference is #sdfootnote1sym, its back link
// #sdfootnote1anc.
const REFERENCE = /^#(?:(_ftn|_edn|ftnt|footnote-|endnote-)(\d+)|(sdfootnote|sdendnote)(\d+)sym)$/
const BACK_LINK =
  /^#(?:(_ftnref|_ednref|ftnt_ref|footnote-ref-|endnote-ref-)(\d+)|(sdfootnote|sdendnote)(\d+)anc)$/
const ANY = /href\s*=\s*["']?#(_ftn|_edn|ftnt|footnote-|endnote-|sd(foot|end)note\d)/i
// Word wraps each note in <div id=ftn1>, LibreOffice in <div id=sdfootnote1>.
const WORD_NOTE = /^((ftn|edn)\d+|sd(foot|end)note\d+)$/
const ITALIC = /(^|;)\s*font-style\s*:\s*italic\b/i
const BOLD = /(^|;)\s*font-weight\s*:\s*(bold|[6-9]00)\b/i
const EMPTY_WRAPPERS = "div, ol, ul, section, p, span, sup"
// What a note keeps (thinktank/notes.py NOTE_CONTENT_TAGS); blocks part words by a space.
const KEPT = new Set(["A", "EM", "I", "STRONG", "B"])
const BLOCKS = new Set([
  "P", "DIV", "LI", "UL", "OL", "BLOCKQUOTE", "H1", "H2", "H3", "H4", "H5", "H6", "BR", "HR",
  "TABLE", "CAPTION", "THEAD", "TBODY", "TFOOT", "TR", "TH", "TD", "FIGURE", "FIGCAPTION", "PRE",
])

/* "kind:number" of a reference (back = false) or of a back link (back = true): a
   reference and its note's back link have the same. */
function keyOf(link, back) {
  const href = (link.getAttribute("href") || "").trim()
  const match = (back ? BACK_LINK : REFERENCE).exec(href)
  if (!match) return null
  const [kind, number] = match.slice(1).filter((group) => group !== undefined)
  return `${BACK_KINDS[kind] || kind}:${Number(number)}`
}

/* The element holding the note whose back link is `link`: its list item, Word's (or
   LibreOffice's) <div id=ftn1>, else its paragraph. */
function noteOf(link) {
  const ancestors = []
  for (let node = link.parentElement; node && node.tagName !== "BODY"; node = node.parentElement) {
    ancestors.push(node)
  }
  const isNoteDiv = (element) => element.tagName === "DIV" && WORD_NOTE.test(element.id)
  return (
    ancestors.find((element) => element.tagName === "LI") ||
    ancestors.find(isNoteDiv) ||
    ancestors.find((element) => element.tagName === "P" || element.tagName === "DIV") ||
    null
  )
}

/* Google Docs writes italics and bold as a <span>'s style: its text in <em>, <strong>. */
function emphasisFromStyles(root) {
  for (const span of root.querySelectorAll("span[style]")) {
    for (const [tag, pattern] of [["em", ITALIC], ["strong", BOLD]]) {
      if (!pattern.test(span.getAttribute("style"))) continue
      const wrapper = span.ownerDocument.createElement(tag)
      wrapper.append(...span.childNodes)
      span.append(wrapper)
    }
  }
}

/* Only text, links and emphasis under `element` (a link in a link gives its text). */
function flatten(element) {
  for (const child of [...element.children]) {
    flatten(child)
    if (KEPT.has(child.tagName) && !(child.tagName === "A" && child.parentElement.closest("a"))) {
      continue
    }
    if (BLOCKS.has(child.tagName)) {
      child.prepend(" ")
      child.append(" ")
    }
    child.replaceWith(...child.childNodes)
  }
}

/* The note: `holder`'s content in <span data-note="">, spaces collapsed and trimmed. */
function noteFrom(holder) {
  const note = holder.ownerDocument.createElement("span")
  note.setAttribute("data-note", "")
  emphasisFromStyles(holder)
  note.append(...holder.childNodes)
  flatten(note)
  note.normalize()
  const walker = holder.ownerDocument.createTreeWalker(note, NodeFilter.SHOW_TEXT)
  const texts = []
  while (walker.nextNode()) texts.push(walker.currentNode)
  for (const text of texts) text.data = text.data.replace(/\s+/g, " ")
  if (note.firstChild?.nodeType === 3) note.firstChild.data = note.firstChild.data.trimStart()
  if (note.lastChild?.nodeType === 3) note.lastChild.data = note.lastChild.data.trimEnd()
  return note
}

/* Remove the wrappers the notes leave empty, and the rule and breaks that parted the
   notes from the text when nothing follows them. */
function prune(body) {
  for (const element of body.querySelectorAll(EMPTY_WRAPPERS)) {
    const text = element.textContent
    // An inline wrapper holding a space parts two words: kept.
    const empty = /^(SPAN|SUP)$/.test(element.tagName) ? text === "" : !text.trim()
    if (body.contains(element) && empty && !element.querySelector("img")) element.remove()
  }
  for (const rule of body.querySelectorAll("hr, br")) {
    const rest = body.ownerDocument.createRange()
    rest.setStartAfter(rule)
    rest.setEndAfter(body.lastChild)
    if (!rest.toString().trim() && !rest.cloneContents().querySelector("img")) rule.remove()
  }
}

/* `html` with its footnotes and endnotes as notes (<span data-note="">) at their
   references and their list removed; `html` itself when none pairs. */
export function notesFromFootnotes(html) {
  if (!html || !ANY.test(html)) return html
  const body = new DOMParser().parseFromString(html, "text/html").body
  const references = new Map()
  const backLinks = new Map()
  for (const link of body.querySelectorAll("a[href]")) {
    const reference = keyOf(link, false)
    const back = reference ? null : keyOf(link, true)
    if (reference) references.set(reference, [...(references.get(reference) || []), link])
    else if (back && !backLinks.has(back)) backLinks.set(back, link)
  }
  let converted = false
  for (const [key, link] of backLinks) {
    const holder = body.contains(link) ? noteOf(link) : null
    if (!references.has(key) || !holder) continue
    if (references.get(key).some((reference) => holder.contains(reference))) continue
    converted = true
    link.remove()
    const note = noteFrom(holder)
    holder.remove()
    for (const reference of references.get(key)) {
      // The <sup> around the reference goes with it, when it holds nothing else.
      const parent = reference.parentElement
      const alone = parent.textContent.trim() === reference.textContent.trim()
      const target = parent.tagName === "SUP" && alone ? parent : reference
      target.replaceWith(note.cloneNode(true))
    }
    references.delete(key)
  }
  if (!converted) return html
  prune(body)
  return body.innerHTML
}
