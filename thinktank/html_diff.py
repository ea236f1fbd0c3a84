"""
The difference between two rich texts, rendered: the newer text as readers see it,
with what was removed in <del> and what was added in <ins>, word by word within a
paragraph, heading or list item. See docs/revisions.md ("Comparing two revisions").

Both texts are sanitized first and every tag is written anew from its parsed name and
escaped attributes, so nothing in a revision can inject markup. The structure shown is
the newer text's: removed words sit in <del> where they were; a block that only one
side has is shown whole, marked inside a list item (a list holds only items).
"""

import difflib
import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from thinktank.html import sanitize_html

VOID = {"br", "hr", "img", "wbr", "col", "source"}
# Blocks whose children are compared block by block (a list: item by item).
CONTAINERS = {"ul", "ol", "blockquote"}
LISTS = {"ul", "ol"}
# Formatting inside a line: a removed word keeps its text, not these tags.
INLINE = {"a", "abbr", "b", "br", "cite", "code", "em", "i", "mark", "q", "s", "small", "span"}
INLINE |= {"strong", "sub", "sup", "u"}
WORDS = re.compile(r"\s+|[^\s]+")


@dataclass
class Token:
    """A start tag, an end tag, or a word or run of spaces (`tag` None), as HTML."""

    html: str
    tag: str | None = None
    closing: bool = False

    @property
    def is_text(self):
        return self.tag is None


@dataclass
class Block:
    """A top-level element (or run of text) of a rich text: its tokens."""

    tokens: list = field(default_factory=list)

    @property
    def tag(self):
        first = self.tokens[0]
        return "#text" if first.is_text else first.tag

    @property
    def key(self):
        return "".join(token.html for token in self.tokens)

    @property
    def is_blank(self):
        return all(token.is_text and not token.html.strip() for token in self.tokens)


def _start_tag(tag, attrs):
    written = "".join(
        f' {escape(name)}="{escape(value or "", quote=True)}"' for name, value in attrs
    )
    return f"<{tag}{written}>"


class _Tokens(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tokens = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tokens.append(Token(_start_tag(tag, attrs), tag))
        if tag in VOID:
            self.tokens.append(Token(f"</{tag}>", tag, closing=True))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.tokens.append(Token(f"</{tag}>", tag, closing=True))

    def handle_data(self, data):
        self.tokens.extend(Token(escape(word, quote=False)) for word in WORDS.findall(data))


def tokens(html):
    """The tokens of sanitized rich text; a void element's end is a token of its own
    (written as nothing), so every start has its end."""
    return _Tokens(html).tokens


def blocks(token_list):
    """`token_list` (balanced) cut into its top-level elements and runs of text."""
    found, depth = [], 0
    for token in token_list:
        if depth == 0 and not (token.is_text and found and found[-1].tag == "#text"):
            found.append(Block())
        found[-1].tokens.append(token)
        if not token.is_text:
            depth += -1 if token.closing else 1
    return found


def _joined(opcodes, new):
    """`opcodes` with a change, a mere space kept, and a change made one change: "Body
    text." to "First paragraph." reads as one replacement, not two."""
    joined = []
    for opcode in opcodes:
        op, i1, i2, j1, j2 = opcode
        if (
            len(joined) >= 2
            and op != "equal"
            and joined[-2][0] != "equal"
            and joined[-1][0] == "equal"
            and not _html(new[joined[-1][3] : joined[-1][4]]).strip()
        ):
            joined.pop()
            first = joined.pop()
            opcode = ("replace", first[1], i2, first[3], j2)
        joined.append(opcode)
    return joined


def _html(token_list):
    return "".join("" if t.closing and t.tag in VOID else t.html for t in token_list)


class _Writer:
    def __init__(self):
        self.parts = []
        self.labels = {"del": gettext("Removed"), "ins": gettext("Added")}

    def mark(self, kind, html):
        """`html` (phrasing or flow content) inside <ins> or <del>; a space alone too,
        as it is one side's only (else the other side's words would run together)."""
        if html:
            self.parts.append(f'<{kind} data-change="{escape(self.labels[kind])}">{html}</{kind}>')

    def whole(self, kind, block, context):
        """A block only one side has: marked inside a list item, around anything else."""
        if block.is_blank:
            if kind == "ins":
                self.parts.append(block.key)
            return
        if context in LISTS and block.tag == "li":
            first, inner, last = block.tokens[0], block.tokens[1:-1], block.tokens[-1]
            self.parts.append(first.html)
            self.mark(kind, _html(inner))
            self.parts.append(last.html)
        else:
            self.mark(kind, _html(block.tokens))

    def words(self, old, new):
        """Word by word in one block; False (nothing written) when removed words would
        fall where the newer block's structure allows no text."""
        matcher = difflib.SequenceMatcher(
            None, [t.html for t in old], [t.html for t in new], autojunk=False
        )
        opcodes = _joined(matcher.get_opcodes(), new)
        if any(
            op in ("delete", "replace") and any(t.tag not in (None, *INLINE) for t in old[i1:i2])
            for op, i1, i2, _j1, _j2 in opcodes
        ):
            return False
        for op, i1, i2, j1, j2 in opcodes:
            if op == "equal":
                self.parts.append(_html(new[j1:j2]))
                continue
            removed, added = _html([t for t in old[i1:i2] if t.is_text]), new[j1:j2]
            if removed.isspace() and added and added[0].is_text and added[0].html.isspace():
                # Only a space removed where the newer text has one: both sides'.
                self.parts.append(added[0].html)
                removed, added = "", added[1:]
            self.mark("del", removed)
            self.inserted(added)
        return True

    def inserted(self, token_list):
        """New tokens: their tags as they are, each run of words marked."""
        run = []
        for token in [*token_list, None]:
            if token is not None and token.is_text:
                run.append(token)
                continue
            self.mark("ins", _html(run))
            run = []
            if token is not None:
                self.parts.append(_html([token]))

    def blocks(self, old, new, context=None):
        matcher = difflib.SequenceMatcher(
            None, [b.key for b in old], [b.key for b in new], autojunk=False
        )
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                self.parts.extend(_html(b.tokens) for b in new[j1:j2])
                continue
            removed, added = old[i1:i2], new[j1:j2]
            for index in range(max(len(removed), len(added))):
                before = removed[index] if index < len(removed) else None
                after = added[index] if index < len(added) else None
                if before is not None and after is not None and before.tag == after.tag:
                    self.block(before, after, context)
                    continue
                if before is not None:
                    self.whole("del", before, context)
                if after is not None:
                    self.whole("ins", after, context)

    def block(self, old, new, context):
        """Two versions of one block: children compared for a list or quotation, words
        for the rest; shown whole (removed, then added) when words cannot be."""
        if old.tag in CONTAINERS and old.tokens[0].html == new.tokens[0].html:
            self.parts.append(new.tokens[0].html)
            self.blocks(blocks(old.tokens[1:-1]), blocks(new.tokens[1:-1]), old.tag)
            self.parts.append(new.tokens[-1].html)
            return
        start = len(self.parts)
        if not self.words(old.tokens, new.tokens):
            del self.parts[start:]
            self.whole("del", old, context)
            self.whole("ins", new, context)


def html_diff(old, new):
    """Rich text `new` as readers see it, with what differs from `old` marked: removed
    words in <del>, added ones in <ins> (each with a data-change label for the
    stylesheet to announce). Safe HTML; both sides are sanitized first."""
    writer = _Writer()
    old_tokens, new_tokens = tokens(sanitize_html(old or "")), tokens(sanitize_html(new or ""))
    writer.blocks(blocks(old_tokens), blocks(new_tokens))
    return mark_safe("".join(writer.parts))  # noqa: S308  every tag written anew, text escaped
