"""Whole WordPress sites written as exports with tests/helpers/wxr.py: the realistic
English site (with its Arabic translations, by Polylang or WPML), an Arabic site, and
a large generated one for the benchmark. The ids named here are what tests look for."""

from datetime import UTC, datetime

from tests.helpers.wxr import WXRWriter, php_array, upload_url

SITE = "https://example.org"
ARTICLE, TRANSLATION = "101", "102"
DRAFT, PENDING, FUTURE, PRIVATE, TRASH = "105", "106", "107", "108", "109"
HTML_FOOTNOTES, BLOCK_EDITOR, BROKEN, LINKING, PAGE = "110", "113", "111", "112", "120"
RIG, PORT, MAP = "201", "202", "203"
GUEST = "900"

RIG_LINK = upload_url(SITE, "2019/03/rig.jpg")
RIG_MEDIUM = upload_url(SITE, "2019/03/rig-300x200.jpg")
PORT_LARGE = upload_url(SITE, "2019/03/port-1024x768.png")
MAP_LARGE = upload_url(SITE, "2019/03/map-1024x683.jpg")
ARTICLE_CONTENT = (
    "Oil prices rose again[efn_note]Brent, <em>daily</em> close.[/efn_note] this spring.\n"
    "Traders were surprised[mfn]See the customs data.[/mfn].\n\n"
    f'[caption id="attachment_{RIG}" align="alignright" width="300"]<a href="{RIG_LINK}">'
    f'<img class="size-medium wp-image-{RIG}" src="{RIG_MEDIUM}" alt="" width="300" '
    'height="200" /></a> A rig in the <strong>Gulf</strong>[/caption]\n\n'
    f'The port<img class="alignnone" src="{PORT_LARGE}" /> was busy ((Port authority, 2019.)).'
    '\n\n[contact-form-7 id="5" title="Contact"]\n\n'
    f'[gallery ids="{PORT},{MAP}"]\n\n'
    "<pre>keep\n  as\n\nis</pre>"
)
HTML_FOOTNOTES_CONTENT = (
    'Exports fell<sup class="footnote"><a href="#fn1" id="fnref1">1</a></sup> in spring.\n\n'
    '<div class="footnotes"><hr /><ol><li id="fn1">Customs data, <em>2023</em>. '
    '<a href="#fnref1">↩</a></li></ol></div>'
)
BLOCK_EDITOR_CONTENT = (
    "<!-- wp:paragraph -->\n"
    '<p>Sanctions bit<sup data-fn="f00d" class="fn"><a href="#f00d" id="f00d-link">1</a></sup>.'
    "</p>\n<!-- /wp:paragraph -->\n\n"
    '<!-- wp:image {"id":203} -->\n'
    f'<figure class="wp-block-image size-large"><img src="{MAP_LARGE}" alt="" '
    'class="wp-image-203"/><figcaption>The map</figcaption></figure>\n'
    "<!-- /wp:image -->\n\n<!-- wp:footnotes /-->"
)
CORE_FOOTNOTES = '[{"content":"Treasury, <em>2024</em>.","id":"f00d"}]'
LINKING_CONTENT = f'See <a href="{SITE}/2019/03/oil-and-water/">our analysis</a>.'


def _translation_shape(plugin, language, group_members, original=None):
    """(terms, meta) saying `language` and the translation group, as `plugin` writes them."""
    if plugin == "polylang":
        return [("language", language, language), ("post_translations", "pll_5f1a", "pll_5f1a")], {}
    meta = {"_wpml_import_language_code": language, "_wpml_import_translation_group": "77"}
    return [], meta


def write_realistic_export(path, plugin="polylang"):
    """The realistic English site at `path`; its Arabic translation grouped by `plugin`
    ("polylang" or "wpml")."""
    with open(path, "w", encoding="utf-8") as file, WXRWriter(file, url=SITE) as wxr:
        wxr.author("jsmith", email="jane@example.org", display_name="Jane Smith", id=2)
        wxr.author("admin", email="admin@example.org", first_name="Site", last_name="Admin")
        wxr.category("uncategorized", "Uncategorized", id=1)
        wxr.category("energy", "Energy", description="Oil, gas and power.", id=3)
        wxr.category("middle-east", "Middle East", id=4)
        wxr.category("gulf", "Gulf", parent="middle-east", id=5)
        wxr.tag("oil", "oil", id=6)
        wxr.tag("opec", "OPEC", id=7)
        wxr.term("author", "cap-jsmith", "jsmith", id=8)
        wxr.term("author", "cap-omar-haddad", "omar-haddad", id=9)
        wxr.term("series", "gulf-watch", "Gulf Watch", id=10)
        if plugin == "polylang":
            wxr.term("language", "en", "English", id=11)
            wxr.term("language", "ar", "العربية", id=12)
            members = {"en": int(ARTICLE), "ar": int(TRANSLATION)}
            wxr.term("post_translations", "pll_5f1a", "pll_5f1a", description=php_array(members))
        terms, meta = _translation_shape(plugin, "en", None)
        wxr.item(
            ARTICLE, title="Oil &amp; water", slug="oil-and-water", content=ARTICLE_CONTENT,
            excerpt="<p>Why prices rose.</p>", creator="jsmith",
            terms=[("category", "energy", "Energy"), ("category", "gulf", "Gulf"),
                   ("post_tag", "oil", "oil"), ("post_tag", "opec", "OPEC"),
                   ("author", "cap-jsmith", "jsmith"), ("author", "cap-omar-haddad", "omar-haddad"),
                   *terms],
            meta={"_thumbnail_id": RIG, **meta},
        )  # fmt: skip
        terms, meta = _translation_shape(plugin, "ar", None)
        wxr.item(
            TRANSLATION, title="النفط والماء", slug="النفط-والماء", content="ارتفعت الأسعار.",
            creator="jsmith", terms=[("category", "energy", "Energy"), *terms], meta=meta,
        )  # fmt: skip
        wxr.attachment(RIG, "2019/03/rig.jpg", title="Oil rig", alt="An oil rig at dusk",
                       caption="Rig at dusk", parent=ARTICLE)  # fmt: skip
        wxr.attachment(PORT, "2019/03/port.png", title="Port", parent=ARTICLE)
        wxr.attachment(MAP, "2019/03/map.jpg", title="Map")
        wxr.item(DRAFT, title="Draft", content="Not yet.", status="draft", gmt=False,
                 date=datetime(2019, 4, 1, 9, 0, tzinfo=UTC))  # fmt: skip
        wxr.item(PENDING, title="Pending", slug="pending", content="Check me.", status="pending")
        wxr.item(FUTURE, title="Next year", slug="next-year", content="Soon.", status="future",
                 date=datetime(2031, 1, 5, 8, 30, tzinfo=UTC))  # fmt: skip
        wxr.item(PRIVATE, title="Private", slug="private", content="Ours.", status="private")
        wxr.item(TRASH, title="Binned", slug="binned", content="Gone.", status="trash")
        wxr.item(HTML_FOOTNOTES, title="Exports", slug="exports", content=HTML_FOOTNOTES_CONTENT,
                 terms=[("series", "gulf-watch", "Gulf Watch")])  # fmt: skip
        wxr.item(BLOCK_EDITOR, title="Sanctions", slug="sanctions", content=BLOCK_EDITOR_CONTENT,
                 meta={"footnotes": CORE_FOOTNOTES})  # fmt: skip
        wxr.item(BROKEN, title="Broken", slug="broken", content="<div><b>bold <i>both</b> tail")
        wxr.item(LINKING, title="Follow-up", slug="follow-up",
                 content=LINKING_CONTENT)  # fmt: skip
        wxr.item(PAGE, type="page", title="About us", slug="about", content="We study.")
        wxr.item("130", type="nav_menu_item", title="", slug="130", content="")
        wxr.item("131", type="product", title="A mug", slug="mug", content="Buy it.")
        wxr.item(
            GUEST, type="guest-author", title="Omar Haddad", slug="cap-omar-haddad",
            status="publish",
            meta={"cap-display_name": "Omar Haddad", "cap-user_login": "omar-haddad",
                  "cap-user_email": "omar@example.org", "cap-first_name": "Omar",
                  "cap-last_name": "Haddad", "cap-description": "Energy economist.",
                  "_thumbnail_id": MAP},
        )  # fmt: skip
    return path


def write_arabic_export(path):
    """A site in Arabic: Arabic names, slugs (percent-encoded, as WordPress stores them)."""
    with (
        open(path, "w", encoding="utf-8") as file,
        WXRWriter(file, url="https://example.org.sa", language="ar", title="مركز") as wxr,
    ):
        wxr.author("khalid", email="k@example.org.sa", display_name="خالد العلي")
        wxr.category("الطاقة", "الطاقة", id=3)
        wxr.tag("نفط", "نفط", id=4)
        wxr.item("10", title="النفط والماء", slug="النفط-والماء", creator="khalid",
                 content="سطر أول\nسطر ثان\n\nفقرة ثانية[mfn]مصدر.[/mfn]",
                 excerpt="لماذا ارتفعت الأسعار", terms=[("category", "الطاقة", "الطاقة"),
                                                      ("post_tag", "نفط", "نفط")])  # fmt: skip
    return path


def write_large_export(path, posts=100_000, attachment_every=10):
    """A generated export of `posts` posts (and an attachment every `attachment_every`),
    for the benchmark; written in one pass, a few seconds per 100,000 posts."""
    paragraph = "Oil prices rose again this spring as traders weighed supply. " * 8
    with open(path, "w", encoding="utf-8") as file, WXRWriter(file, url=SITE) as wxr:
        wxr.author("jsmith", email="jane@example.org", display_name="Jane Smith")
        for number in range(20):
            wxr.category(f"topic-{number}", f"Topic {number}", id=number + 1)
        for number in range(1, posts + 1):
            post_id = 1000 + 2 * number
            meta = {}
            if number % attachment_every == 0:
                wxr.attachment(post_id + 1, f"2019/03/image-{number}.jpg", title=f"Image {number}")
                meta["_thumbnail_id"] = str(post_id + 1)
            wxr.item(
                post_id, title=f"Analysis {number}", slug=f"analysis-{number}",
                content=f"{paragraph}\n\n{paragraph}[efn_note]Source {number}.[/efn_note]",
                terms=[("category", f"topic-{number % 20}", f"Topic {number % 20}")], meta=meta,
            )  # fmt: skip
    return path
