"""A post's stored content as the body of an article record (docs/import-format.md): footnote
shortcodes as notes, [caption] and [gallery] as figures, wpautop's paragraphs (a
classic-editor post only), images as figures, footnote lists as notes. What cannot be
converted is kept as text and said: `Body.problems`, `Body.shortcodes`."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from interchange.wordpress.figures import figures_from_images
from interchange.wordpress.footnotes import (
    NOTE_SHORTCODES,
    core_footnotes,
    notes_from_html,
    notes_from_shortcodes,
)
from interchange.wordpress.shortcodes import figures_from_shortcodes, other_shortcodes, unescape
from interchange.wordpress.wpautop import is_block_editor_content, without_block_comments, wpautop
from thinktank.html_tree import VOID, parse, serialize

READ_SHORTCODES = ["caption", "wp_caption", "gallery", *NOTE_SHORTCODES]
# Closed implicitly by HTML itself: not missing when left open.
_SELF_CLOSING = VOID | {"p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody"}


@dataclass
class Body:
    html: str
    problems: list = field(default_factory=list)
    shortcodes: list = field(default_factory=list)  # names kept as text


class _Balance(HTMLParser):
    """Counts end tags with no open element and elements never closed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.stray = [], 0

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.open:
            while (inner := self.open.pop()) != tag:
                self.stray += inner not in _SELF_CLOSING
        elif tag not in VOID:
            self.stray += 1


def unbalanced_tags(html):
    """How many tags of `html` are stray or never closed (0: well-formed enough)."""
    balance = _Balance()
    balance.feed(html)
    balance.close()
    return balance.stray + sum(tag not in _SELF_CLOSING for tag in balance.open)


def convert_body(content, *, post_id, images, meta=None):
    """The `Body` of the post `post_id` whose stored content is `content`; `images` is
    the export's figures.ImageIndex, `meta` the post's meta ({key: value})."""
    problems = []
    block_editor = is_block_editor_content(content)
    text = without_block_comments(content) if block_editor else content
    broken = unbalanced_tags(text)
    if broken:
        problems.append(
            _(
                "the HTML has %(count)d stray or unclosed tag(s): repaired as a browser "
                "would; check the result"
            )
            % {"count": broken}
        )
    try:
        text = notes_from_shortcodes(text)
        text = figures_from_shortcodes(text, images, problems, post_id)
        shortcodes = other_shortcodes(text)
        if not block_editor:
            text = wpautop(text)
        root = parse(text)
        figures_from_images(root, images, problems)
        notes_from_html(root, core_footnotes((meta or {}).get("footnotes")))
        html = unescape(serialize(root), READ_SHORTCODES)
    except (RecursionError, ValueError) as error:  # absurdly nested or undecodable markup
        problems.append(
            _("the body could not be converted (%(error)s): kept as it was stored")
            % {"error": repr(error)}
        )
        return Body(content, problems, other_shortcodes(content))
    return Body(html, problems, shortcodes)
