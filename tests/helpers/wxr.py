"""WordPress exports (WXR 1.2) written as WordPress writes them, streamed to a file so a
100,000-post export is written in seconds: `WXRWriter` (one call per author, term or
item), `write_realistic_export` (a site with WPML and Polylang translation groups,
co-authors, captions, galleries, shortcodes, every footnote plugin, drafts, future
posts, pages, attachments), `write_arabic_export`, and `write_large_export` for the
benchmark."""

from datetime import UTC, datetime
from urllib.parse import quote

NAMESPACES = (
    'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:wp="http://wordpress.org/export/1.2/"'
)
NO_DATE = "0000-00-00 00:00:00"


def cdata(text):
    """`text` in CDATA, a "]]>" in it split as WordPress's wxr_cdata() does."""
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def php_array(values):
    """PHP's serialize() of a flat {str: int} array (Polylang's translation groups)."""
    parts = "".join(f's:{len(key.encode())}:"{key}";i:{value};' for key, value in values.items())
    return f"a:{len(values)}:{{{parts}}}"


def wp_date(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else NO_DATE


class WXRWriter:
    """Writes a WXR export to the text file `file` (opened by the caller, UTF-8)."""

    def __init__(self, file, *, url="https://example.org", language="en-US", title="Example"):
        self.file = file
        self.url = url
        self.language = language
        self.title = title
        self.next_term = 1

    def __enter__(self):
        self.file.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n'
            f'<rss version="2.0" {NAMESPACES}>\n<channel>\n'
            f"\t<title>{self.title}</title>\n\t<link>{self.url}</link>\n"
            f"\t<description>Research</description>\n"
            f"\t<language>{self.language}</language>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n"
            f"\t<wp:base_site_url>{self.url}</wp:base_site_url>\n"
            f"\t<wp:base_blog_url>{self.url}</wp:base_blog_url>\n"
        )
        return self

    def __exit__(self, *exc):
        self.file.write("</channel>\n</rss>\n")

    def author(self, login, *, email="", display_name="", first_name="", last_name="", id=1):
        self.file.write(
            f"\t<wp:author><wp:author_id>{id}</wp:author_id>"
            f"<wp:author_login>{cdata(login)}</wp:author_login>"
            f"<wp:author_email>{cdata(email)}</wp:author_email>"
            f"<wp:author_display_name>{cdata(display_name or login)}</wp:author_display_name>"
            f"<wp:author_first_name>{cdata(first_name)}</wp:author_first_name>"
            f"<wp:author_last_name>{cdata(last_name)}</wp:author_last_name></wp:author>\n"
        )

    def _term_id(self, id):
        if id is None:
            id, self.next_term = self.next_term, self.next_term + 1
        return str(id)

    def category(self, slug, name, *, parent="", description="", id=None):
        id = self._term_id(id)
        self.file.write(
            f"\t<wp:category><wp:term_id>{id}</wp:term_id>"
            f"<wp:category_nicename>{cdata(quote(slug))}</wp:category_nicename>"
            f"<wp:category_parent>{cdata(quote(parent))}</wp:category_parent>"
            f"<wp:cat_name>{cdata(name)}</wp:cat_name>"
            f"<wp:category_description>{cdata(description)}</wp:category_description>"
            "</wp:category>\n"
        )
        return id

    def tag(self, slug, name, *, id=None):
        id = self._term_id(id)
        self.file.write(
            f"\t<wp:tag><wp:term_id>{id}</wp:term_id><wp:tag_slug>{cdata(quote(slug))}</wp:tag_slug>"
            f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n"
        )
        return id

    def term(self, taxonomy, slug, name, *, description="", parent="", id=None):
        id = self._term_id(id)
        self.file.write(
            f"\t<wp:term><wp:term_id>{id}</wp:term_id>"
            f"<wp:term_taxonomy>{cdata(taxonomy)}</wp:term_taxonomy>"
            f"<wp:term_slug>{cdata(quote(slug))}</wp:term_slug>"
            f"<wp:term_parent>{cdata(quote(parent))}</wp:term_parent>"
            f"<wp:term_name>{cdata(name)}</wp:term_name>"
            f"<wp:term_description>{cdata(description)}</wp:term_description></wp:term>\n"
        )
        return id

    def item(
        self, id, *, type="post", title="", content="", excerpt="", status="publish",
        date=None, gmt=True, slug="", creator="admin", link=None, parent=0, terms=(),
        meta=None, attachment_url="", modified=None,
    ):  # fmt: skip
        """One item; `terms` are (taxonomy, slug, name); `date` a UTC datetime (its GMT
        date is left out when `gmt` is false, as for a draft); `meta` {key: value}."""
        date = date or datetime(2019, 3, 2, 10, 0, tzinfo=UTC)
        if link is None and status == "publish" and slug:
            pattern = "{slug}/" if type == "page" else "{date:%Y/%m}/{slug}/"
            link = f"{self.url}/" + pattern.format(date=date, slug=quote(slug).lower())
        elif link is None:
            link = f"{self.url}/?p={id}"
        gmt_date, changed = wp_date(date) if gmt else NO_DATE, wp_date(modified or date)
        out = [
            f"\t<item>\n\t\t<title>{cdata(title)}</title>\n\t\t<link>{link}</link>\n",
            f"\t\t<pubDate>{date:%a, %d %b %Y %H:%M:%S} +0000</pubDate>\n",
            f"\t\t<dc:creator>{cdata(creator)}</dc:creator>\n",
            f'\t\t<guid isPermaLink="false">{self.url}/?p={id}</guid>\n',
            f"\t\t<description></description>\n\t\t<content:encoded>{cdata(content)}</content:encoded>\n",
            f"\t\t<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>\n",
            f"\t\t<wp:post_id>{id}</wp:post_id>\n",
            f"\t\t<wp:post_date>{cdata(wp_date(date))}</wp:post_date>\n",
            f"\t\t<wp:post_date_gmt>{cdata(gmt_date)}</wp:post_date_gmt>\n",
            f"\t\t<wp:post_modified>{cdata(changed)}</wp:post_modified>\n",
            f"\t\t<wp:post_modified_gmt>{cdata(changed)}</wp:post_modified_gmt>\n",
            "\t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>\n",
            f"\t\t<wp:post_name>{cdata(quote(slug).lower())}</wp:post_name>\n",
            f"\t\t<wp:status>{cdata(status)}</wp:status>\n",
            f"\t\t<wp:post_parent>{parent}</wp:post_parent>\n\t\t<wp:menu_order>0</wp:menu_order>\n",
            f"\t\t<wp:post_type>{cdata(type)}</wp:post_type>\n",
            "\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n",
            "\t\t<wp:is_sticky>0</wp:is_sticky>\n",
        ]
        if attachment_url:
            out.append(f"\t\t<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>\n")
        for taxonomy, term_slug, name in terms:
            out.append(
                f'\t\t<category domain="{taxonomy}" nicename="{quote(term_slug)}">'
                f"{cdata(name)}</category>\n"
            )
        for key, value in (meta or {}).items():
            out.append(
                f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>\n"
                f"\t\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>\n"
            )
        out.append("\t</item>\n")
        self.file.write("".join(out))

    def attachment(self, id, file, *, title="", alt="", caption="", parent=0):
        self.item(
            id, type="attachment", title=title, excerpt=caption, status="inherit", slug=title,
            parent=parent, link=f"{self.url}/?attachment_id={id}",
            attachment_url=f"{self.url}/wp-content/uploads/{file}",
            meta={"_wp_attached_file": file, "_wp_attachment_image_alt": alt} if alt
            else {"_wp_attached_file": file},
        )  # fmt: skip


def upload_url(site, file):
    return f"{site}/wp-content/uploads/{file}"


class ReportLines:
    """Records what the WordPress reader says to the import's report, through the calls
    of interchange.report.Report it makes (problem, skipped, note, advance)."""

    def __init__(self):
        self.problems, self.skips, self.notes, self.advanced = [], [], [], 0

    def problem(self, kind, item_id, message):
        self.problems.append((kind, str(item_id), message))

    def skipped(self, kind, item_id, reason):
        self.skips.append((kind, str(item_id)))
        self.problem(kind, item_id, reason)

    def note(self, kind, item_id, message):
        self.notes.append((kind, str(item_id), message))

    def advance(self, items=1):
        self.advanced += items
