"""A realistic WordPress export as interchange records (docs/import-format.md): what
each kind holds, translations by Polylang and by WPML, statuses and dates, old
addresses, and the report's lines for what was skipped or kept as text."""

from zoneinfo import ZoneInfo

import pytest

from interchange.wordpress.mapping import mapping_from_dict
from interchange.wordpress.records import parse_date, source_of, wordpress_records
from interchange.wordpress.scan import scan_export
from interchange.wordpress.wxr import Site
from tests.helpers import wxr_sites as site
from tests.helpers.wxr import ReportLines

KEYS = {
    "topic": {"kind", "id", "slug", "name", "description", "old_paths"},
    "region": {"kind", "id", "slug", "name", "description", "parent", "old_paths"},
    "expert": {"kind", "id", "name", "email", "slug", "role", "short_bio", "bio", "photo",
               "old_paths"},
    "image": {"kind", "id", "file", "title", "alt_text", "caption", "credit", "old_paths"},
    "article": {"kind", "id", "language", "translation_group", "publication_type", "title",
                "slug", "summary", "body", "status", "published_at", "updated_at", "authors",
                "topics", "regions", "tags", "hero_image", "old_paths"},
}  # fmt: skip
MAPPING = {
    "terms": {"category": {"middle-east": "region", "gulf": "region", "uncategorized": "skip"}}
}


def records_of(path, mapping=None):
    report = ReportLines()
    found = list(wordpress_records(path, mapping_from_dict(mapping or MAPPING), report))
    return {(record["kind"], record["id"]): record for record in found}, report.problems, found


@pytest.fixture(params=["polylang", "wpml"])
def export(request, tmp_path):
    return records_of(site.write_realistic_export(tmp_path / "export.xml", plugin=request.param))


def test_records_hold_only_the_formats_keys(export):
    _by_key, _problems, found = export
    for record in found:
        assert set(record) <= KEYS[record["kind"]], record
        assert isinstance(record["id"], str) and record["id"]
        assert all(path.startswith("/") for path in record.get("old_paths", []))


def test_the_article(export):
    by_key, _problems, _found = export
    article = by_key[("article", site.ARTICLE)]
    assert article["title"] == "Oil & water"
    assert article["summary"] == "Why prices rose."
    assert article["status"] == "published"
    assert article["published_at"] == "2019-03-02T10:00:00+00:00"
    assert article["authors"] == ["jsmith", "omar-haddad"]
    assert article["topics"] == ["3"] and article["regions"] == ["5"]
    assert article["tags"] == ["oil", "OPEC"]
    assert article["hero_image"] == site.RIG
    assert article["old_paths"] == ["/2019/03/oil-and-water/", f"/?p={site.ARTICLE}"]
    body = article["body"]
    assert '<figure data-image="201" data-size="inline"><figcaption>A rig in the' in body
    assert '<p>The port</p><figure data-image="202" data-size="full"></figure><p>was busy' in body
    assert body.count('<figure data-image="203"') == 1  # from the gallery
    assert body.count('<span data-note="">') == 3
    assert "[contact-form-7" in body and "<pre>keep\n  as\n\nis</pre>" in body


def test_translations_share_one_group_whatever_the_plugin(export):
    by_key, _problems, _found = export
    english, arabic = by_key[("article", site.ARTICLE)], by_key[("article", site.TRANSLATION)]
    assert (english["language"], arabic["language"]) == ("en", "ar")
    assert english["translation_group"] == arabic["translation_group"]
    assert "slug" not in arabic  # the importer makes an ASCII one from the title
    assert arabic["old_paths"][0] == "/2019/03/النفط-والماء/"


def test_statuses_and_dates(export):
    by_key, problems, _found = export
    article = {key[1]: record for key, record in by_key.items() if key[0] == "article"}
    assert article[site.DRAFT]["status"] == "draft" and "published_at" not in article[site.DRAFT]
    assert article[site.PENDING]["status"] == "review"
    assert article[site.PRIVATE]["status"] == "draft"
    assert article[site.FUTURE]["status"] == "published"
    assert article[site.FUTURE]["published_at"] == "2031-01-05T08:30:00+00:00"  # scheduled
    assert site.TRASH not in article
    assert ("article", site.TRASH, "post in the trash") in problems


def test_other_converted_bodies(export):
    by_key, _problems, _found = export
    assert by_key[("article", site.HTML_FOOTNOTES)]["body"].startswith(
        '<p>Exports fell<span data-note="">Customs data, <em>2023</em>.</span> in spring.</p>'
    )
    block = by_key[("article", site.BLOCK_EDITOR)]["body"]
    assert "<!--" not in block and "<br" not in block
    assert '<span data-note="">Treasury, <em>2024</em>.</span>' in block
    assert '<figure data-image="203" data-size="full"><figcaption>The map</figcaption>' in block
    assert by_key[("article", site.LINKING)]["body"] == (
        '<p>See <a href="https://example.org/2019/03/oil-and-water/">our analysis</a>.</p>\n'
    )  # the importer turns an old path into an internal link
    assert by_key[("article", site.PAGE)]["old_paths"] == ["/about/", f"/?page_id={site.PAGE}"]


def test_experts_images_and_taxonomy(export):
    by_key, _problems, _found = export
    assert by_key[("expert", "jsmith")] == {
        "kind": "expert", "id": "jsmith", "name": "Jane Smith", "email": "jane@example.org",
        "old_paths": ["/author/jsmith/"],
    }  # fmt: skip
    assert by_key[("expert", "admin")]["name"] == "Site Admin"
    guest = by_key[("expert", "omar-haddad")]
    assert (guest["name"], guest["email"], guest["photo"]) == (
        "Omar Haddad", "omar@example.org", site.MAP,
    )  # fmt: skip
    assert guest["short_bio"] == {"en": "Energy economist."}
    assert by_key[("image", site.RIG)] == {
        "kind": "image", "id": site.RIG, "file": "2019/03/rig.jpg", "title": "Oil rig",
        "alt_text": {"en": "An oil rig at dusk"}, "caption": {"en": "Rig at dusk"},
        "old_paths": [f"/?attachment_id={site.RIG}"],
    }  # fmt: skip
    assert by_key[("topic", "3")]["description"] == {"en": "Oil, gas and power."}
    assert by_key[("region", "5")]["parent"] == "4"
    assert by_key[("region", "5")]["old_paths"] == [
        "/category/middle-east/gulf/",
        "/category/gulf/",
    ]
    assert ("topic", "1") not in by_key


def test_the_report_lines(export):
    _by_key, problems, _found = export
    lines = {(kind, item_id): message for kind, item_id, message in problems}
    assert lines[("article", site.ARTICLE)] == "shortcodes kept as text: [contact-form-7]"
    assert "not in the mapping" in lines[("article", "131")]
    assert ("article", "130") not in lines  # a menu item: WordPress's own, skipped quietly
    assert "stray or unclosed" in lines[("article", site.BROKEN)]
    assert "series" in lines[("topic", "series")]


def test_the_mapping_decides_types_taxonomies_and_permalinks(tmp_path):
    path = site.write_realistic_export(tmp_path / "export.xml")
    mapping = {
        "permalink_structure": "/%year%/%monthnum%/%day%/%postname%/",
        "post_types": {"page": "skip", "product": "op-ed"},
        "taxonomies": {"post_tag": "topic", "series": "publication_type:testimony"},
        "statuses": {"private": "review"},
    }
    by_key, problems, _found = records_of(path, mapping)
    assert ("article", site.PAGE) not in by_key
    assert by_key[("article", "131")]["publication_type"] == "op-ed"
    assert by_key[("article", site.HTML_FOOTNOTES)]["publication_type"] == "testimony"
    assert by_key[("article", site.ARTICLE)]["tags"] == []
    assert by_key[("article", site.ARTICLE)]["topics"] == ["3", "5", "6", "7"]
    assert by_key[("topic", "7")]["old_paths"] == ["/tag/opec/"]
    assert by_key[("article", site.PRIVATE)]["status"] == "review"
    assert "/2019/03/02/oil-and-water/" in by_key[("article", site.ARTICLE)]["old_paths"]


def test_an_arabic_site(tmp_path):
    by_key, problems, _found = records_of(site.write_arabic_export(tmp_path / "ar.xml"), {})
    article = by_key[("article", "10")]
    assert article["language"] == "ar"
    assert article["body"] == (
        '<p>سطر أول<br>\nسطر ثان</p>\n<p>فقرة ثانية<span data-note="">مصدر.</span></p>\n'
    )
    assert article["summary"] == "لماذا ارتفعت الأسعار"
    assert article["tags"] == ["نفط"] and article["topics"] == ["3"]
    assert by_key[("topic", "3")] == {
        "kind": "topic", "id": "3", "name": {"ar": "الطاقة"},
        "old_paths": ["/category/الطاقة/"],
    }  # fmt: skip
    assert by_key[("expert", "khalid")]["name"] == "خالد العلي"
    assert problems == []


def test_a_truncated_export_keeps_what_came_before(tmp_path):
    path = site.write_realistic_export(tmp_path / "export.xml")
    data = path.read_bytes()
    path.write_bytes(data[: data.index(b"<wp:post_id>106</wp:post_id>")])
    by_key, problems, _found = records_of(path)
    assert ("article", site.DRAFT) in by_key and ("article", site.PENDING) not in by_key
    assert problems[-1][0] == "file" and "stopped there" in problems[-1][2]


def test_dates_fall_back_to_the_sites_zone():
    riyadh = ZoneInfo("Asia/Riyadh")
    assert parse_date("0000-00-00 00:00:00", "2019-03-02 13:00:00", riyadh).isoformat() == (
        "2019-03-02T13:00:00+03:00"
    )
    assert parse_date("", "garbage", riyadh) is None
    assert source_of(Site(base_site_url="https://example.org/")) == "wordpress:https://example.org"


def test_notes_say_what_was_mapped_where_and_progress_counts_every_item(tmp_path):
    path = site.write_realistic_export(tmp_path / "export.xml")
    mapping = mapping_from_dict(MAPPING)
    report = ReportLines()
    index = scan_export(path, mapping)
    found = list(wordpress_records(path, mapping, report, index))
    notes = {(kind, name): message for kind, name, message in report.notes}
    assert notes[("article", "post")] == "post type post: articles of the type policy-analysis"
    assert notes[("topic", "category")] == "terms of category: 2 as region, 1 as skip, 1 as topic"
    assert report.skips == [("article", site.TRASH), ("article", "131")]
    assert notes[("article", "nav_menu_item")] == (
        "1 item(s) of WordPress's own type nav_menu_item skipped"
    )
    assert len(found) + report.advanced == index.total  # the progress bar ends at 100%
