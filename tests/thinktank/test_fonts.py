"""
The Arabic-script web fonts (docs/fonts.md): subsets that cover what Arabic and Persian
text uses, declared with that unicode-range, preloaded by Arabic and Persian pages only,
each with a fallback on the same design installed locally.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from fontTools.ttLib import TTFont

from tests.helpers.factories import make_article, make_translation
from tests.helpers.htmlpage import get_page

ROOT = Path(settings.BASE_DIR)
FONTS_CSS = (ROOT / "static/css/fonts.css").read_text()
FACES = re.findall(r"@font-face \{(.*?)\}", FONTS_CSS, re.S)
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def descriptor(face, name):
    found = re.search(rf"{name}:\s*([^;]+);", face)
    return found and " ".join(found.group(1).split())


def code_points(unicode_range):
    """U+0621-063A, U+067E -> the set of code points."""
    points = set()
    for part in unicode_range.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


WEB_FACES = [face for face in FACES if "url(" in face]
RANGE = code_points(descriptor(WEB_FACES[0], "unicode-range"))


def test_every_face_has_the_same_unicode_range():
    assert len(WEB_FACES) == 4
    assert {descriptor(face, "unicode-range") for face in FACES} == {
        descriptor(WEB_FACES[0], "unicode-range")
    }


def test_the_subset_script_makes_the_range_the_stylesheet_declares():
    script = (ROOT / "deploy/subset-fonts.sh").read_text()
    assert code_points(re.search(r'^RANGE="([^"]+)"', script, re.M).group(1)) == RANGE


def font_file(face):
    return re.search(r'url\("\.\./([^"]+)"\)', face).group(1)


@pytest.mark.parametrize("face", WEB_FACES, ids=font_file)
def test_each_font_file_covers_its_range_and_little_more(face):
    cmap = TTFont(ROOT / "static" / font_file(face)).getBestCmap()
    assert set(cmap) >= RANGE
    # What the range leaves out is the space and the like, drawn by the next font.
    assert {chr(point) for point in set(cmap) - RANGE} <= {"\0", "\r", " ", "\xa0"}


def test_the_range_covers_the_arabic_and_persian_the_site_shows():
    """The demo content and the translated interface: no letter falls to another font."""
    texts = [path.read_text() for path in (ROOT / "articles/demo").glob("*.py")]
    texts += [(ROOT / f"locale/{lang}/LC_MESSAGES/django.po").read_text() for lang in ["ar", "fa"]]
    letters = {char for text in texts for char in ARABIC_SCRIPT.findall(text)}
    assert {"\u067e", "\u0686", "\u0698", "\u06a9", "\u06af", "\u06cc"} <= letters  # Persian
    missing = {f"U+{ord(char):04X}" for char in letters if ord(char) not in RANGE}
    assert not missing
    assert 0x200C in RANGE  # ZWNJ, inside Persian words


def test_each_web_font_has_a_local_fallback_with_matched_metrics():
    fallbacks = {
        (descriptor(face, "font-family"), descriptor(face, "font-weight")): face
        for face in FACES
        if "local(" in face
    }
    for face in WEB_FACES:
        family, weight = descriptor(face, "font-family"), descriptor(face, "font-weight")
        fallback = fallbacks[(family.removesuffix('"') + ' Fallback"', weight)]
        for name in ("size-adjust", "ascent-override", "descent-override", "line-gap-override"):
            assert descriptor(fallback, name), (family, weight, name)
        # The stacks name the fallback right after the web font.
        assert f'{family}, {family[:-1]} Fallback"' in " ".join(FONTS_CSS.split())
        assert descriptor(face, "font-display") == "swap"


# --- preloads ----------------------------------------------------------------------------

TOP_FONTS = {"noto-sans-arabic-400", "noto-sans-arabic-700", "noto-naskh-arabic-700"}


def preloaded(page):
    links = page.find_all("link", rel="preload")
    for link in links:
        assert link.get("as") == "font"
        assert link.get("type") == "font/woff2"
        assert "crossorigin" in link.attrs  # fonts are fetched in CORS mode
        # A preload the stylesheet does not use would be fetched twice.
        name = Path(link.get("href")).name
        assert f'url("../fonts/{name}")' in FONTS_CSS, name
    return {Path(link.get("href")).stem for link in links}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/policy-analysis", "/experts", "/events", "/search"])
def test_arabic_and_persian_pages_preload_their_fonts_and_english_ones_none(client, url):
    assert preloaded(get_page(client, url)) == set()
    for language in ("ar", "fa"):
        assert preloaded(get_page(client, f"/{language}{url}")) == TOP_FONTS


@pytest.mark.django_db
def test_an_article_also_preloads_the_font_of_its_summary(client):
    article = make_article("Red Sea shipping")
    persian = make_translation(article, "fa", "کشتیرانی در دریای سرخ", slug="kshtyrany")
    assert preloaded(get_page(client, article.get_absolute_url())) == set()
    assert preloaded(get_page(client, persian.get_absolute_url())) == TOP_FONTS | {
        "noto-naskh-arabic-400"
    }
