"""WordPress's wpautop(): a classic-editor post is stored with bare newlines for its
paragraphs (a blank line: a new paragraph; a single newline: a line break), and
WordPress adds the <p> and <br> only when it shows the post. This is the same
function, step by step as wp-includes/formatting.php has it, so an imported body
reads as the old site showed it: <pre> is left as it is, block tags are not wrapped,
newlines inside a tag are kept. A block-editor post (<!-- wp:... --> comments) has its
paragraphs already: WordPress does not run wpautop on it, nor does this."""

import re

BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article"
    r"|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
_NEWLINE = " <!-- wpnl --> "
# A comment, or a tag (with what a tag may quote), as wp_html_split() finds them.
_TAGS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_BLOCK_EDITOR = re.compile(r"<!--\s+/?wp:")
_BLOCK_COMMENT = re.compile(r"[ \t]*<!--\s+/?wp:[^>]*?-->[ \t]*\n?")


def is_block_editor_content(text):
    return bool(_BLOCK_EDITOR.search(text or ""))


def without_block_comments(text):
    """A block-editor post without its <!-- wp:... --> delimiters (what it renders)."""
    return _BLOCK_COMMENT.sub("", text)


def _newlines_in_tags(text):
    """Newlines inside tags and comments held as a placeholder (wp_replace_in_html_tags)."""
    parts = _TAGS.split(text)
    return "".join(
        part.replace("\n", _NEWLINE) if index % 2 else part for index, part in enumerate(parts)
    )


def _hold_pre(text):
    """(text with each <pre>...</pre> replaced by a placeholder, {placeholder: the pre})."""
    held = {}
    if "<pre" not in text:
        return text, held
    parts = text.split("</pre>")
    last = parts.pop()
    out = []
    for part in parts:
        start = part.find("<pre")
        if start == -1:
            out.append(part)
            continue
        name = f"<pre wp-pre-tag-{len(held)}></pre>"
        held[name] = part[start:] + "</pre>"
        out.append(part[:start] + name)
    return "".join(out) + last, held


def wpautop(text, br=True):
    """`text` with paragraphs and line breaks as WordPress shows it."""
    if not text.strip():
        return ""
    text, held = _hold_pre(text + "\n")
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(r"(<" + BLOCKS + r"[\s/>])", r"\n\n\1", text)
    text = re.sub(r"(</" + BLOCKS + r">)", r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _newlines_in_tags(text)
    if "<option" in text:
        text = re.sub(r"\s*<option", "<option", text)
        text = re.sub(r"</option>\s*", "</option>", text)
    if "</object>" in text:
        text = re.sub(r"(<object[^>]*>)\s*", r"\1", text)
        text = re.sub(r"\s*</object>", "</object>", text)
        text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    if "<source" in text or "<track" in text:
        text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
        text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
        text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [part for part in re.split(r"\n\s*\n", text) if part]
    text = "".join("<p>" + paragraph.strip("\n") + "</p>\n" for paragraph in paragraphs)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(r"<p>\s*(</?" + BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(r"<p>\s*(</?" + BLOCKS + r"[^>]*>)", r"\1", text)
    text = re.sub(r"(</?" + BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    if br:
        text = re.sub(
            r"<(script|style|svg|math).*?</\1>",
            lambda match: match.group(0).replace("\n", "<WPPreserveNewline />"),
            text,
            flags=re.DOTALL,
        )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace("<WPPreserveNewline />", "\n")
    text = re.sub(r"(</?" + BLOCKS + r"[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    for name, pre in held.items():
        text = text.replace(name, pre)
    if "<!-- wpnl -->" in text:
        text = text.replace(_NEWLINE, "\n").replace("<!-- wpnl -->", "\n")
    return text
