"""WordPress shortcodes in a post's text: found as WordPress finds them
(get_shortcode_regex, shortcode_parse_atts), `[[name]]` being the escaped, literal form.
`[caption]` and `[gallery]` become library figures (figures.py); every other shortcode
is kept as text and named, so the report can list it with the post's id."""

import re

from interchange.wordpress import figures

# Known to be brackets of prose, not shortcodes, when they stand alone: "[sic]", "[1]".
PROSE_BRACKETS = {"sic", "sic!", "sic.", "emphasis", "added", "original", "ibid", "cf"}
# Shortcodes that WordPress itself registers: named even when they stand bare.
_CORE = {"embed", "video", "audio", "playlist", "caption", "wp_caption", "gallery"}


def shortcode_pattern(names):
    """WordPress's get_shortcode_regex() for `names`: groups 1 and 6 the extra brackets
    of the escaped form, 2 the name, 3 the attributes, 4 the self-closing slash, 5 the
    enclosed content."""
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(
        r"\[(\[?)(" + alternatives + r")(?![\w-])"
        r"([^\]/]*(?:/(?!\])[^\]/]*)*?)"
        r"(?:(/)\]|\](?:([^\[]*+(?:\[(?!/\2\])[^\[]*+)*+)\[/\2\])?)"
        r"(\]?)"
    )


_ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)


def parse_attributes(text):
    """shortcode_parse_atts(): {name (lowercased): value}; a bare value by its position."""
    text = re.sub(r"[\u00a0\u200b]", " ", text)
    found, position = {}, 0
    for match in _ATTRIBUTE.finditer(text):
        groups = match.groups()
        for name_at in (0, 2, 4):
            if groups[name_at]:
                found[groups[name_at].lower()] = groups[name_at + 1]
                break
        else:
            found[str(position)] = next((value for value in groups[6:] if value), "")
            position += 1
    return found


def is_escaped(match):
    """The escaped form [[name]] stands for itself, one bracket less on each side."""
    return match.group(1) == "[" and match.group(6) == "]"


_FIGURES = shortcode_pattern(["caption", "wp_caption", "gallery"])


def figures_from_shortcodes(text, images, problems, post_id):
    """`text` with each [caption] and [gallery] replaced by library figures (HTML).
    `images` resolves an image (figures.ImageIndex); `problems` (a list) gets a message
    for each image that cannot be found; `post_id`: whose attached images a bare
    [gallery] shows."""

    def replace(match):
        if is_escaped(match):
            return match.group(0)  # unescape() makes it [caption] once all is done
        attributes = parse_attributes(match.group(3) or "")
        if match.group(2) == "gallery":
            html = figures.gallery(attributes, images, problems, post_id)
        else:
            html = figures.caption(attributes, match.group(5) or "", images, problems)
        return html

    return _FIGURES.sub(replace, text)


def unescape(text, names):
    """`[[name ...]]` shown as `[name ...]`, for the shortcodes `names` (those this import
    reads; WordPress unescapes only the shortcodes its site registers)."""
    pattern = shortcode_pattern(names)
    return pattern.sub(lambda m: m.group(0)[1:-1] if is_escaped(m) else m.group(0), text)


_ANY = re.compile(r"\[(\[?)(/?)([A-Za-z][\w-]*)(\s[^\[\]]*?)?(/?)\](\]?)")


def other_shortcodes(text):
    """The names of the shortcodes left in `text` (not escaped), in order of first use.
    A bare bracketed word counts when a closing tag follows, when it is one of
    WordPress's own, or when its name is a shortcode's kind of name (a "_" or "-")."""
    names = []
    closing = {match.group(3).lower() for match in _ANY.finditer(text) if match.group(2)}
    for match in _ANY.finditer(text):
        if match.group(1) == "[" and match.group(6) == "]":
            continue
        name = match.group(3).lower()
        attributes = (match.group(4) or "").strip()
        shortcode_like = (
            attributes
            or match.group(5)
            or name in closing
            or name in _CORE
            or "_" in name
            or "-" in name
        )
        if shortcode_like and name not in PROSE_BRACKETS and name not in names:
            names.append(name)
    return names
