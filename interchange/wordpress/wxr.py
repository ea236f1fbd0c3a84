"""WordPress's export file (WXR 1.0 to 1.2) read as a stream: the site, its authors,
terms and items, one at a time, each element cleared once read, so a 2 GB export of
100,000 posts is read in bounded memory. Parsed with defusedxml: a document type
(and so any entity) is refused. Bytes that are not what the file says they are, and
characters XML forbids, are replaced and reported; a file that breaks off ends the
stream with a `Problem(stopped=True)` after the items read so far. See
docs/wordpress-import.md."""

import codecs
import functools
import re
from dataclasses import dataclass, field
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

CHUNK = 64 * 1024
# Characters XML 1.0 forbids (a WordPress export often carries a stray \x0b or \x1f).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_EXCERPT = re.compile(r"^https?://wordpress\.org/export/[\d.]+/excerpt/$")
_WP = re.compile(r"^https?://wordpress\.org/export/[\d.]+/$")
_PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
_CONTAINERS = {"item", "wp:author", "wp:category", "wp:tag", "wp:term"}


class UnsafeExport(ValueError):
    """The file declares a document type or entities: refused, nothing of it is read."""


@dataclass
class Site:
    title: str = ""
    url: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    language: str = ""
    wxr_version: str = ""


@dataclass
class Author:
    id: str
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass
class Term:
    """A category, a tag or a term of another taxonomy (Polylang's `language` and
    `post_translations`, Co-Authors Plus' `author`, a site's own)."""

    id: str
    taxonomy: str
    slug: str
    name: str
    parent: str = ""  # the parent's slug
    description: str = ""


@dataclass
class Item:
    """A post, page, attachment, menu item, guest author...: what the export says of it."""

    id: str
    type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""  # post_date, the site's local time
    date_gmt: str = ""
    modified: str = ""
    modified_gmt: str = ""
    slug: str = ""
    status: str = ""
    parent: str = ""
    attachment_url: str = ""
    terms: list = field(default_factory=list)  # [(taxonomy, slug, name)], in order
    meta: dict = field(default_factory=dict)  # first value of each key


@dataclass
class Problem:
    """Something wrong with the file itself; `stopped`: nothing after it was read."""

    message: str
    stopped: bool = False


class _Repaired:
    """The export's bytes as UTF-8, declared encoding honoured, undecodable bytes and
    characters XML forbids replaced: what expat reads. Counts what it replaced."""

    def __init__(self, raw):
        self.raw = raw
        head = raw.read(CHUNK)
        self.encoding = self._encoding(head)
        self.decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
        self.undecodable = 0
        self.forbidden = 0
        self.pending = self._convert(head, first=True)
        self.done = not head

    @staticmethod
    def _encoding(head):
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        match = _DECLARED.match(head.lstrip(b"\xef\xbb\xbf"))
        name = match.group(1).decode("ascii") if match else "utf-8"
        try:
            name = codecs.lookup(name).name
        except LookupError:
            name = "utf-8"
        return "utf-8-sig" if name == "utf-8" else name

    def _convert(self, chunk, *, first=False, final=False):
        text = self.decoder.decode(chunk, final)
        if "\ufffd" in text:
            legitimate = chunk.count(b"\xef\xbf\xbd") if "utf-8" in self.encoding else 0
            self.undecodable += max(0, text.count("\ufffd") - legitimate)
        text, forbidden = _FORBIDDEN.subn("", text)
        self.forbidden += forbidden
        if first:  # expat reads UTF-8 now, whatever the file declared
            text = re.sub(
                r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""", r'\1"UTF-8"', text
            )
        return text.encode("utf-8")

    def read(self, size=-1):
        while not self.pending and not self.done:
            chunk = self.raw.read(CHUNK)
            self.done = not chunk
            self.pending = self._convert(chunk, final=self.done)
        data, self.pending = self.pending, b""
        return data

    def problems(self):
        if self.undecodable:
            yield Problem(
                _(
                    "%(count)d byte sequence(s) were not %(encoding)s as the file declares: "
                    "each was replaced by U+FFFD, the replacement character (search the imported "
                    "text for it)"
                )
                % {"count": self.undecodable, "encoding": self.encoding.upper()}
            )
        if self.forbidden:
            yield Problem(
                _("%(count)d character(s) that XML forbids were removed")
                % {"count": self.forbidden}
            )


@functools.lru_cache(maxsize=512)  # a few dozen names, met millions of times
def name_of(tag):
    """`{http://wordpress.org/export/1.2/}post_id` -> "wp:post_id" (any WXR version)."""
    if not tag.startswith("{"):
        return tag
    namespace, _, local = tag[1:].partition("}")
    if _EXCERPT.match(namespace):
        return f"excerpt:{local}"
    if _WP.match(namespace):
        return f"wp:{local}"
    prefix = _PREFIXES.get(namespace)
    return f"{prefix}:{local}" if prefix else local


def _fields(element):
    """{"wp:post_id": text, ...} of the element's children without children."""
    return {name_of(child.tag): (child.text or "").strip() for child in element if not len(child)}


def _author(element):
    found = _fields(element)
    return Author(
        id=found.get("wp:author_id", ""),
        login=found.get("wp:author_login", ""),
        email=found.get("wp:author_email", ""),
        display_name=found.get("wp:author_display_name", ""),
        first_name=found.get("wp:author_first_name", ""),
        last_name=found.get("wp:author_last_name", ""),
    )


def _term(kind, element):
    found = _fields(element)
    for key in (
        "wp:category_nicename",
        "wp:tag_slug",
        "wp:term_slug",
        "wp:category_parent",
        "wp:term_parent",
    ):
        found[key] = unquote(found.get(key, ""))
    if kind == "wp:category":
        return Term(
            found.get("wp:term_id", ""), "category", found.get("wp:category_nicename", ""),
            found.get("wp:cat_name", ""), found.get("wp:category_parent", ""),
            found.get("wp:category_description", ""),
        )  # fmt: skip
    if kind == "wp:tag":
        return Term(
            found.get("wp:term_id", ""), "post_tag", found.get("wp:tag_slug", ""),
            found.get("wp:tag_name", ""), "", found.get("wp:tag_description", ""),
        )  # fmt: skip
    return Term(
        found.get("wp:term_id", ""), found.get("wp:term_taxonomy", ""),
        found.get("wp:term_slug", ""), found.get("wp:term_name", ""),
        found.get("wp:term_parent", ""), found.get("wp:term_description", ""),
    )  # fmt: skip


def _item(element):
    item = Item(id="", type="")
    for child in element:
        name = name_of(child.tag)
        if name == "category":
            taxonomy = child.get("domain", "category")
            slug = unquote(child.get("nicename", ""))
            item.terms.append((taxonomy, slug, (child.text or "").strip()))
        elif name == "wp:postmeta":
            meta = _fields(child)
            key = meta.get("wp:meta_key", "")
            if key and key not in item.meta:
                item.meta[key] = _raw_text(child, "wp:meta_value")
        elif name in _ITEM_FIELDS:
            text = child.text or ""
            setattr(item, _ITEM_FIELDS[name], text if name in _RAW else text.strip())
    item.slug = unquote(item.slug)
    return item


def _raw_text(element, name):
    return next((child.text or "" for child in element if name_of(child.tag) == name), "")


_ITEM_FIELDS = {
    "wp:post_id": "id", "wp:post_type": "type", "title": "title", "link": "link",
    "guid": "guid", "dc:creator": "creator", "content:encoded": "content",
    "excerpt:encoded": "excerpt", "wp:post_date": "date", "wp:post_date_gmt": "date_gmt",
    "wp:post_modified": "modified", "wp:post_modified_gmt": "modified_gmt",
    "wp:post_name": "slug", "wp:status": "status", "wp:post_parent": "parent",
    "wp:attachment_url": "attachment_url",
}  # fmt: skip
_RAW = {"content:encoded", "excerpt:encoded"}
_SITE_FIELDS = {
    "title": "title", "link": "url", "language": "language", "wp:wxr_version": "wxr_version",
    "wp:base_site_url": "base_site_url", "wp:base_blog_url": "base_blog_url",
}  # fmt: skip


def read_wxr(raw):
    """Yield the `Site` (first), then each `Author`, `Term` and `Item` in file order, and a
    `Problem` for what was wrong with the file itself. Slugs are percent-decoded (an
    Arabic slug is stored as %d8%a7...). `raw` is a binary file. Raises
    `UnsafeExport` for a document type or entity declaration."""
    stream = _Repaired(raw)
    site, site_sent, depth, channel = Site(), False, 0, None
    try:
        for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if depth == 2:
                    channel = element
                continue
            depth -= 1
            if depth != 2:
                continue
            name = name_of(element.tag)
            if name in _SITE_FIELDS:
                setattr(site, _SITE_FIELDS[name], (element.text or "").strip())
            elif name in _CONTAINERS:
                if not site_sent:
                    site_sent = True
                    yield site
                if name == "item":
                    yield _item(element)
                elif name == "wp:author":
                    yield _author(element)
                else:
                    yield _term(name, element)
            channel.clear()  # what was read is let go: memory stays flat
    except DefusedXmlException as refused:
        raise UnsafeExport(
            _(
                "The file declares a document type or entities (<!DOCTYPE>, <!ENTITY>), which "
                "a WordPress export never has: refused, nothing was read (entities are neither "
                "expanded nor fetched)."
            )
            + f" {refused}"
        ) from refused
    except ParseError as broken:
        line, column = getattr(broken, "position", (0, 0))
        if not site_sent:
            yield site
            site_sent = True
        yield from stream.problems()
        yield Problem(
            _(
                "The file breaks off or is not well-formed at line %(line)s, column "
                "%(column)s (%(error)s): the import stopped there, what came before it is kept"
            )
            % {"line": line, "column": column, "error": broken},
            stopped=True,
        )
        return
    if not site_sent:
        yield site
    yield from stream.problems()
