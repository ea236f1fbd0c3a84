"""Languages and translation groups in the shapes WPML and Polylang leave in an export:
posts grouped, a translated category made one topic named in each language."""

from interchange.wordpress.mapping import Mapping
from interchange.wordpress.records import wordpress_records
from tests.helpers.wxr import ReportLines, WXRWriter, php_array


def records(path):
    report = ReportLines()
    found = {(r["kind"], r["id"]): r for r in wordpress_records(path, Mapping(), report)}
    return found, report.problems


def test_polylang_translated_categories_are_one_topic(tmp_path):
    path = tmp_path / "polylang.xml"
    with open(path, "w", encoding="utf-8") as file, WXRWriter(file) as wxr:
        wxr.category("energy", "Energy", id=3)
        wxr.category("الطاقة", "الطاقة", description="النفط والغاز", id=13)
        wxr.term(
            "term_translations", "pll_t1", "pll_t1", description=php_array({"en": 3, "ar": 13})
        )
        wxr.term("post_translations", "pll_p1", "pll_p1", description=php_array({"en": 1, "ar": 2}))
        wxr.item("1", title="Oil", slug="oil", content="Oil.",
                 terms=[("category", "energy", "Energy"), ("language", "en", "English"),
                        ("post_translations", "pll_p1", "pll_p1")])  # fmt: skip
        wxr.item("2", title="النفط", slug="النفط", content="نفط.",
                 terms=[("category", "الطاقة", "الطاقة"),
                        ("post_translations", "pll_p1", "pll_p1")])  # fmt: skip
    found, problems = records(path)
    topic = found[("topic", "3")]
    assert topic["name"] == {"en": "Energy", "ar": "الطاقة"}
    assert topic["description"] == {"ar": "النفط والغاز"}
    assert topic["old_paths"] == ["/category/energy/", "/category/الطاقة/"]
    assert ("topic", "13") not in found
    arabic = found[("article", "2")]
    assert arabic["topics"] == ["3"]
    assert arabic["language"] == "ar"  # its language term is missing: the group says
    assert arabic["translation_group"] == found[("article", "1")]["translation_group"]
    assert problems == []


def test_wpml_older_shapes(tmp_path):
    path = tmp_path / "wpml.xml"
    with open(path, "w", encoding="utf-8") as file, WXRWriter(file) as wxr:
        wxr.item("1", title="Oil", slug="oil", content="Oil.",
                 terms=[("language", "en", "English")])  # fmt: skip
        wxr.item("2", title="النفط", slug="oil-ar", content="نفط.",
                 meta={"wpml_language": "ar", "wpml_translation_of": "1"})  # fmt: skip
        wxr.item("3", title="نفت", slug="oil-fa", content="نفت.",
                 meta={"_wpml_language": "fa_IR", "_icl_lang_duplicate_of": "1"})  # fmt: skip
        wxr.item("4", title="Alone", slug="alone", content="Alone.")
    found, _problems = records(path)
    groups = {found[("article", id)].get("translation_group") for id in ("1", "2", "3")}
    assert groups == {"wpml-1"}
    assert [found[("article", id)]["language"] for id in ("1", "2", "3")] == ["en", "ar", "fa"]
    assert "translation_group" not in found[("article", "4")]


def test_a_broken_polylang_group_is_reported(tmp_path):
    path = tmp_path / "broken.xml"
    with open(path, "w", encoding="utf-8") as file, WXRWriter(file) as wxr:
        wxr.term("post_translations", "pll_x", "pll_x", description='O:8:"stdClass":0:{}')
        wxr.item("1", title="Oil", slug="oil", content="Oil.")
    found, problems = records(path)
    assert ("article", "1") in found
    assert problems[0][1] == "pll_x" and "cannot be read" in problems[0][2]
