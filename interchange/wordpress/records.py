"""A WordPress export as a stream of interchange records (docs/import-format.md): experts, topics
and regions, images, articles, in the export's order, one item at a time. Everything
that is skipped, kept as text or missing is said to the import's report
(interchange.report.Report: `problem`, `skipped`, `note`, `advance`), with the source
item's id."""

import html
import re
from datetime import UTC, datetime

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from interchange.wordpress.body import convert_body
from interchange.wordpress.mapping import SKIP
from interchange.wordpress.paths import (
    ascii_slug,
    attachment_paths,
    home_path,
    nicename,
    post_paths,
)
from interchange.wordpress.people import (
    GUEST_AUTHOR,
    author_record,
    guest_author_record,
    item_authors,
)
from interchange.wordpress.scan import attached_file, scan_export
from interchange.wordpress.terms import Terms
from interchange.wordpress.translations import Translations, language_code
from interchange.wordpress.wxr import Author, Item, Problem, Site, Term, read_wxr

PUBLISHED_STATUSES = {"publish": "published", "future": "published"}
# Types WordPress keeps for itself (menus, revisions, the block editor's templates):
# skipped with one note per type, not a line per item.
QUIET_TYPES = {
    "revision", "nav_menu_item", "customize_changeset", "custom_css", "oembed_cache",
    "user_request", "wp_global_styles", "wp_template", "wp_template_part", "wp_navigation",
    "wp_font_family", "wp_font_face",
}  # fmt: skip
FILE = "file"  # the kind of a problem with the export itself
_SPACES = re.compile(r"\s+")


def source_of(site):
    """The importer's `source` for this export: its site's address."""
    return "wordpress:" + (site.base_site_url or site.url or "unknown").rstrip("/")


def plain_text(markup):
    """Text of an excerpt or title: tags dropped, entities read, spaces collapsed."""
    return _SPACES.sub(" ", html.unescape(strip_tags(markup or ""))).strip()


def parse_date(gmt, local, zone):
    """The aware datetime of a post: its GMT date, else its local date in `zone`; None
    when neither is set (WordPress writes 0000-00-00 00:00:00 for "none")."""
    for value, tzinfo in ((gmt, UTC), (local, zone)):
        if value and not value.startswith("0000"):
            try:
                return datetime.fromisoformat(value.strip().replace(" ", "T")).replace(
                    tzinfo=tzinfo
                )
            except ValueError:
                continue
    return None


class WordPressRecords:
    """Iterating yields the records of the export at `path`, read as `mapping` says;
    `index` is the export's first pass (scan.ExportIndex)."""

    def __init__(self, path, mapping, report, index):
        self.path = path
        self.mapping = mapping
        self.report = report
        self.index = index
        self.zone = mapping.zone()
        self.home = ""
        self.language = mapping.language or "en"
        self.terms = None
        self.translations = None
        self.header_done = False
        self.quiet = {}  # type -> how many items of it were skipped

    def __iter__(self):
        with open(self.path, "rb") as raw:
            for entry in read_wxr(raw):
                if isinstance(entry, Site):
                    self._site(entry)
                elif isinstance(entry, Author):
                    yield author_record(entry, self.home, self.mapping)
                elif isinstance(entry, Term):
                    self._term(entry)
                elif isinstance(entry, Item):
                    yield from self._header()
                    yield from self._item(entry)
                elif isinstance(entry, Problem):
                    self.report.problem(FILE, str(self.path), entry.message)
        yield from self._header()
        for post_type, count in sorted(self.quiet.items()):
            message = _("%(count)d item(s) of WordPress's own type %(type)s skipped")
            self.report.note("article", post_type, message % {"count": count, "type": post_type})

    def _site(self, site):
        self.home = home_path(site.url)
        self.language = language_code(self.mapping.language) or language_code(site.language) or "en"
        self.terms = Terms(self.mapping, self.home, self.language, self.report)
        self.translations = Translations(self.language, self.index.originals)

    def _term(self, term):
        self.terms.add(term)
        message = self.translations.read_term(term)
        if message:
            self.report.problem("article", term.slug, message)

    def _header(self):
        """The topics and regions, once every term has been read (terms come first);
        notes of what each post type becomes."""
        if not self.header_done:
            self.header_done = True
            for post_type, target in sorted(self.mapping.post_types.items()):
                said = (
                    _("post type %(type)s: skipped")
                    if target == SKIP
                    else _("post type %(type)s: articles of the type %(publication_type)s")
                )
                values = {"type": post_type, "publication_type": target}
                self.report.note("article", post_type, said % values)
            yield from self.terms.records()

    def _skip(self, kind, item, reason):
        self.report.skipped(kind, item.id, reason)
        self.report.advance()

    def _item(self, item):
        if item.type == "attachment":
            yield from self._image(item)
        elif item.type == GUEST_AUTHOR:
            yield guest_author_record(
                item, self.home, self.mapping, self.translations.language(item), self.index.images
            )
        elif self.mapping.post_types.get(item.type, SKIP) != SKIP:
            yield from self._article(item)
        elif item.type in QUIET_TYPES:
            self.quiet[item.type] = self.quiet.get(item.type, 0) + 1
            self.report.advance()
        elif item.type in self.mapping.post_types:
            self._skip(
                "article", item, _("the mapping skips the post type %(type)s") % {"type": item.type}
            )
        else:
            self._skip(
                "article",
                item,
                _("the post type %(type)s is not in the mapping") % {"type": item.type},
            )

    def _image(self, item):
        file = attached_file(item)
        if not file:
            self._skip("image", item, _("an attachment without a file (_wp_attached_file)"))
            return
        language = self.translations.language(item)
        record = {
            "kind": "image",
            "id": item.id,
            "file": file,
            "title": plain_text(item.title),
            "old_paths": attachment_paths(item, self.home),
        }
        alt = item.meta.get("_wp_attachment_image_alt", "").strip()
        if alt:
            record["alt_text"] = {language: alt}
        if plain_text(item.excerpt):
            record["caption"] = {language: plain_text(item.excerpt)}
        yield record

    def _status(self, item):
        if item.status in PUBLISHED_STATUSES:
            return PUBLISHED_STATUSES[item.status]
        return self.mapping.statuses.get(item.status, "")

    def _article(self, item):
        status = self._status(item)
        if not status:
            why = (
                _("%(type)s in the trash")
                if item.status == "trash"
                else _("%(type)s: its status is %(status)s")
            )
            self._skip("article", item, why % {"type": item.type, "status": item.status})
            return
        problems = []
        date = parse_date(item.date_gmt, item.date, self.zone)
        found, term_problems = self.terms.of_item(item)
        problems += term_problems
        body = convert_body(item.content, post_id=item.id, images=self.index.images, meta=item.meta)
        problems += body.problems
        if body.shortcodes:
            listed = ", ".join(f"[{name}]" for name in body.shortcodes)
            problems.append(_("shortcodes kept as text: %(names)s") % {"names": listed})
        authors = item_authors(item)
        first_category = next((slug for tax, slug, _ in item.terms if tax == "category"), "")
        record = {
            "kind": "article",
            "id": item.id,
            "language": self.translations.language(item),
            "publication_type": found["publication_type"] or self.mapping.post_types[item.type],
            "title": plain_text(item.title),
            "body": body.html,
            "status": status,
            "authors": authors,
            "topics": found["topics"],
            "regions": found["regions"],
            "tags": found["tags"],
            "old_paths": post_paths(
                item, self.home, self.mapping.permalink_structure, date,
                category=first_category, author=nicename(authors[0]) if authors else "",
            ),
        }  # fmt: skip
        group = self.translations.group(item)
        if group:
            record["translation_group"] = group
        if ascii_slug(item.slug):
            record["slug"] = item.slug
        if plain_text(item.excerpt):
            record["summary"] = plain_text(item.excerpt)
        if status == "published" and date:
            record["published_at"] = date.isoformat()
        elif status == "published":
            problems.append(_("published without a date: the importer dates it"))
        updated = parse_date(item.modified_gmt, item.modified, self.zone)
        if updated:
            record["updated_at"] = updated.isoformat()
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        if thumbnail and thumbnail in self.index.images.ids:
            record["hero_image"] = thumbnail
        elif thumbnail:
            problems.append(
                _("the featured image %(id)s is not in the export: left out") % {"id": thumbnail}
            )
        for message in problems:
            self.report.problem("article", item.id, message)
        yield record


def wordpress_records(path, mapping, report, index=None):
    """The records of the export at `path`, what is wrong said to `report`; `index` is
    its first pass (scan_export), made here when not given."""
    return WordPressRecords(path, mapping, report, index or scan_export(path, mapping))
