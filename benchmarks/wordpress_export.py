"""
The generated WordPress export benchmarks/import_wordpress.py imports: authors, Co-Authors
Plus guest authors, nested categories, tags, an attachment every tenth post (a small
real JPEG in a media folder) as its featured image and in a [caption], footnotes,
shortcodes, links between posts, WPML (or Polylang) Arabic translations of every
twentieth post, drafts and future posts (written by tests/helpers/wxr.py).
"""

import datetime
import io

from tests.helpers.wxr import WXRWriter, php_array, upload_url

SITE = "https://think.example.org"
AUTHORS, GUESTS, CATEGORIES, TAGS = 40, 10, 30, 200
IMAGE_EVERY, TRANSLATION_EVERY, DRAFT_EVERY, FUTURE_EVERY = 10, 20, 50, 100
PARAGRAPH = (
    "Oil prices rose again this spring as traders weighed supply from the Gulf, "
    "and the ministry's figures surprised the markets. "
)


def jpeg_variants(count=16):
    """Small real JPEG files (64x48), of `count` colours."""
    from PIL import Image

    variants = []
    for number in range(count):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), (15 * number, 90, 160)).save(buffer, format="JPEG")
        variants.append(buffer.getvalue())
    return variants


def post_date(number):
    """Spread over 2010-2025, in order of the posts."""
    start = datetime.datetime(2010, 1, 1, 9, tzinfo=datetime.UTC)
    return start + datetime.timedelta(hours=number * 1.3)


def _translation(plugin, language, group, members):
    """(terms, meta) saying the language and translation group of a post."""
    if plugin == "polylang":
        return [("language", language, language), ("post_translations", group, group)], {}
    meta = {"_wpml_import_language_code": language, "_wpml_import_translation_group": group}
    return [], meta


def write_export(path, media, posts, plugin="wpml"):
    """The export of `posts` posts at `path`, its images under `media`; returns the
    number of items (posts, translations, attachments, guest authors)."""
    images = jpeg_variants()
    items = 0
    with open(path, "w", encoding="utf-8") as file, WXRWriter(file, url=SITE) as wxr:
        for number in range(AUTHORS):
            wxr.author(
                f"author{number}", email=f"author{number}@think.example.org",
                display_name=f"Author Number {number}", id=number + 2,
            )  # fmt: skip
        for number in range(CATEGORIES):
            parent = f"region-{number - 1}" if number % 10 else ""
            slug = f"region-{number}" if number % 5 == 0 else f"topic-{number}"
            wxr.category(slug, slug.replace("-", " ").title(), parent=parent if "region" in slug
                         else "", description=f"About {slug}.", id=number + 1)  # fmt: skip
        for number in range(TAGS):
            wxr.tag(f"tag-{number}", f"Tag {number}", id=1000 + number)
        for number in range(GUESTS):
            wxr.term("author", f"cap-guest{number}", f"guest{number}", id=2000 + number)
        if plugin == "polylang":
            wxr.term("language", "en", "English", id=3000)
            wxr.term("language", "ar", "العربية", id=3001)
            for number in range(TRANSLATION_EVERY, posts + 1, TRANSLATION_EVERY):
                members = {"en": 10 * number, "ar": 10 * number + 2}
                wxr.term(
                    "post_translations", f"pll_{number}", f"pll_{number}",
                    description=php_array(members), id=10_000 + number,
                )  # fmt: skip
        for number in range(GUESTS):
            wxr.item(
                900_000 + number, type="guest-author", title=f"Guest {number}",
                slug=f"cap-guest{number}",
                meta={"cap-display_name": f"Guest Writer {number}",
                      "cap-user_login": f"guest{number}",
                      "cap-user_email": f"guest{number}@example.net",
                      "cap-description": "A visiting scholar."},
            )  # fmt: skip
            items += 1
        for number in range(1, posts + 1):
            items += _post(wxr, number, media, images, plugin)
    return items


def _post(wxr, number, media, images, plugin):
    """Post `number` (id 10 × number), its attachment (+1) and translation (+2)."""
    post_id, date = 10 * number, post_date(number)
    items = 1
    status, gmt = "publish", True
    if number % DRAFT_EVERY == 0:
        status, gmt = "draft", False
    elif number % FUTURE_EVERY == 1:
        status, date = "future", datetime.datetime(2031, 1, 5, 8, 30, tzinfo=datetime.UTC)
    body = f"{PARAGRAPH * 3}[efn_note]Ministry figures, {date:%Y}.[/efn_note]\n\n{PARAGRAPH * 4}"
    meta = {}
    if number % IMAGE_EVERY == 0:
        image_id, file = post_id + 1, f"{date:%Y/%m}/chart-{number}.jpg"
        target = media / file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(images[number % len(images)])
        wxr.attachment(image_id, file, title=f"Chart {number}", parent=post_id,
                       alt=f"Chart of exports, {date:%Y}" if number % 20 else "",
                       caption="Exports by month")  # fmt: skip
        items += 1
        meta["_thumbnail_id"] = str(image_id)
        medium = upload_url(SITE, file.replace(".jpg", "-300x200.jpg"))
        body += (
            f'\n\n[caption id="attachment_{image_id}" align="alignright" width="300"]'
            f'<img class="size-medium wp-image-{image_id}" src="{medium}" alt="" width="300" '
            f'height="200" /> Exports by month[/caption]'
        )
    if number % 25 == 0 and number > 25:
        earlier = post_date(number - 25)
        link = f"{SITE}/{earlier:%Y/%m}/analysis-{number - 25}/"
        body += f'\n\nSee <a href="{link}">our earlier piece</a>.'
    if number % 30 == 0:
        body += '\n\n[contact-form-7 id="5" title="Contact"]'
    terms = [
        ("category", f"topic-{number % CATEGORIES}", "Topic"),
        ("post_tag", f"tag-{number % TAGS}", f"Tag {number % TAGS}"),
        ("post_tag", f"tag-{(number * 7) % TAGS}", f"Tag {(number * 7) % TAGS}"),
    ]
    if number % 3 == 0:
        terms.append(("category", f"region-{5 * (number % 6)}", "Region"))
    if number % 7 == 0:
        terms += [
            ("author", f"cap-author{number % AUTHORS}", f"author{number % AUTHORS}"),
            ("author", f"cap-guest{number % GUESTS}", f"guest{number % GUESTS}"),
        ]
    translated = number % TRANSLATION_EVERY == 0 and status == "publish"
    if translated or (plugin == "polylang" and number % TRANSLATION_EVERY == 0):
        group = f"pll_{number}" if plugin == "polylang" else str(number)
        extra_terms, extra_meta = _translation(plugin, "en", group, None)
        terms += extra_terms
        meta.update(extra_meta)
    wxr.item(
        post_id, title=f"Analysis {number}: exports &amp; prices", slug=f"analysis-{number}",
        content=body, excerpt="Why prices rose." if number % 3 == 0 else "", status=status,
        gmt=gmt, date=date, creator=f"author{number % AUTHORS}", terms=terms, meta=meta,
    )  # fmt: skip
    if translated:
        extra_terms, extra_meta = _translation(plugin, "ar", group, None)
        wxr.item(
            post_id + 2, title=f"تحليل {number}: الصادرات والأسعار", slug=f"tahlil-{number}",
            content="ارتفعت أسعار النفط مجددا هذا الربيع.\n\nفقرة ثانية[mfn]مصدر.[/mfn]",
            date=date, creator=f"author{number % AUTHORS}",
            terms=[("category", f"topic-{number % CATEGORIES}", "Topic"), *extra_terms],
            meta=extra_meta,
        )  # fmt: skip
        items += 1
    return items


# --- the child: Django, the command, its queries counted --------------------------------
