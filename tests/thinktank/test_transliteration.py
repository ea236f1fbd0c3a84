"""
Titles become ASCII URL slugs letter by letter, in the reference site's style
(`/ar/policy-analysis/anyaz-bwtyn-fy-alshrq-alawst-...`). Every expected slug below is
written out by hand, letter by letter, from the map in thinktank/transliteration.py.
"""

import pytest

from thinktank.transliteration import slugify_title, transliterate

REFERENCE_ARABIC_SLUG = (
    "anyaz-bwtyn-fy-alshrq-alawst-yjb-yshyr-lasrayyl-ban-alwqt-qd-han-ltghyyr-alwlaat"
)
REFERENCE_ENGLISH_SLUG = (
    "putins-alignment-in-middle-east-should-signal-to-israel-its-time-for-a-change-of-allegiance"
)
REFERENCE_ENGLISH_TITLE = (
    "Putin's Alignment in Middle East Should Signal to Israel It's Time for a Change of Allegiance"
)


# The words of the reference slug, from design/page-anatomy.md "The Arabic slug".
@pytest.mark.parametrize(
    ("word", "slug"),
    [
        ("بوتين", "bwtyn"),
        ("في", "fy"),
        ("الشرق", "alshrq"),
        ("الأوسط", "alawst"),
        ("يجب", "yjb"),
        ("يشير", "yshyr"),
        ("لإسرائيل", "lasrayyl"),
        ("بأن", "ban"),
        ("الوقت", "alwqt"),
        ("قد", "qd"),
        ("حان", "han"),
        ("لتغيير", "ltghyyr"),
        ("الولاءات", "alwlaat"),
    ],
)
def test_reference_words(word, slug):
    assert slugify_title(word) == slug
    assert transliterate(word) == slug


def test_reference_arabic_title():
    # The reference's first word, `anyaz`, is left out: انحياز is `anhyaz` letter by
    # letter (ح is `h`, as in حان → `han`), so that word of the reference slug was edited.
    title = "بوتين في الشرق الأوسط يجب يشير لإسرائيل بأن الوقت قد حان لتغيير الولاءات"
    slug = slugify_title(title)
    assert slug == "bwtyn-fy-alshrq-alawst-yjb-yshyr-lasrayyl-ban-alwqt-qd-han-ltghyyr-alwlaat"
    assert REFERENCE_ARABIC_SLUG.endswith("-" + slug)


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_reference_english_title(apostrophe):
    title = REFERENCE_ENGLISH_TITLE.replace("'", apostrophe)
    assert slugify_title(title) == REFERENCE_ENGLISH_SLUG


ARABIC_TITLES = [
    ("الحرب في غزة: ماذا بعد؟", "alhrb-fy-ghza-madha-bd"),
    ("إيران والسعودية: هل تصمد المصالحة؟", "ayran-walswdya-hl-tsmd-almsalha"),
    ("مستقبل العلاقات الأمريكية الخليجية", "mstqbl-allaqat-alamrykya-alkhlyjya"),
    ("الحوثيون والبحر الأحمر", "alhwthywn-walbhr-alahmr"),
    ("لبنان بين الانهيار الاقتصادي وحزب الله", "lbnan-byn-alanhyar-alaqtsady-whzb-allh"),
    ("التطبيع السعودي الإسرائيلي: الفرص والمخاطر", "alttby-alswdy-alasrayyly-alfrs-walmkhatr"),
    ("مصر وصندوق النقد الدولي: قرض جديد", "msr-wsndwq-alnqd-aldwly-qrd-jdyd"),
    ("هل تعود سوريا إلى الجامعة العربية في ٢٠٢٣؟", "hl-twd-swrya-ala-aljama-alrbya-fy-2023"),
    ("الأزمة السودانية: من يملك القرار؟", "alazma-alswdanya-mn-ymlk-alqrar"),
    ("رؤية السعودية 2030", "rwya-alswdya-2030"),
    ("قمة G20 في 2023", "qma-g20-fy-2023"),
]

PERSIAN_TITLES = [
    ("پیامدهای جنگ غزه برای ایران", "pyamdhay-jng-ghzh-bray-ayran"),
    ("چرا گفتگوهای هسته\u200cای متوقف شد؟", "chra-gftgwhay-hsthay-mtwqf-shd"),
    ("ژئوپلیتیک خلیج فارس", "zhywplytyk-khlyj-fars"),
    ("گزارش ویژه: اقتصاد ایران در سال ۱۴۰۲", "gzarsh-wyzhh-aqtsad-ayran-dr-sal-1402"),
    ("نقش چین در خاورمیانه", "nqsh-chyn-dr-khawrmyanh"),
    ("آینده توافق هسته\u200cای و تحریم\u200cهای آمریکا", "ayndh-twafq-hsthay-w-thrymhay-amryka"),
    ("ادامۀ مذاکرات وین", "adamh-mdhakrat-wyn"),
]


@pytest.mark.parametrize(("title", "slug"), ARABIC_TITLES)
def test_arabic_titles(title, slug):
    assert slugify_title(title) == slug


@pytest.mark.parametrize(("title", "slug"), PERSIAN_TITLES)
def test_persian_titles(title, slug):
    assert slugify_title(title) == slug


def test_persian_titles_use_persian_letters():
    """The Persian cases are typed with Farsi yeh and keheh, not the Arabic letters."""
    text = "".join(title for title, _ in PERSIAN_TITLES)
    assert "ی" in text
    assert "ک" in text
    assert "ي" not in text
    assert "ك" not in text


@pytest.mark.parametrize(
    ("letters", "ascii"),
    [
        # Hamza forms folded into their seat; a standalone hamza is dropped.
        ("أ إ آ ٱ ا", "a a a a a"),
        ("ؤ ئ ء", "w y "),
        # The choices documented in the module: ع dropped, ة → a, ى → a.
        ("ع", ""),
        ("ة", "a"),
        ("ى", "a"),
        ("إلى", "ala"),
        ("إلي", "aly"),
        ("على", "la"),
        ("علي", "ly"),
        ("ث ذ خ غ ش", "th dh kh gh sh"),
        ("ص ض ط ظ", "s d t z"),
        # Persian letters.
        ("پ چ ژ گ ک ی ۀ", "p ch zh g k y h"),
        # The same letters decomposed: alef + hamza above, heh + hamza above.
        ("\u0627\u0654 \u06d5\u0654", "a h"),
        # Presentation forms (lam-alef ligature) go through NFKD.
        ("\ufefb", "la"),
    ],
)
def test_letter_map(letters, ascii):
    assert transliterate(letters) == ascii


def test_marks_are_ignored():
    assert slugify_title("مُحَمَّد") == slugify_title("محمد") == "mhmd"
    assert slugify_title("العـــربية") == slugify_title("العربية") == "alrbya"
    # Harakat, shadda, sukun, tanwin, superscript alef on a fully vowelled phrase.
    assert slugify_title("ٱلْعَرَبِيَّةُ") == "alrbya"
    assert slugify_title("كِتَابٌ") == "ktab"
    assert slugify_title("هٰذا") == "hdha"


def test_zwnj_joins_and_space_separates():
    assert slugify_title("هسته\u200cای") == "hsthay"
    assert slugify_title("هسته ای") == "hsth-ay"
    # Other invisible format characters (right-to-left mark, zero-width joiner) join too.
    assert slugify_title("غزة\u200f") == "ghza"
    assert slugify_title("هسته\u200dای") == "hsthay"


def test_digits():
    assert transliterate("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert transliterate("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert slugify_title("سال ۱۴۰۲ و ٢٠٢٤ and 2025") == "sal-1402-w-2024-and-2025"


def test_arabic_punctuation_separates():
    assert transliterate("غزة، لبنان؛ سوريا؟") == "ghza, lbnan; swrya?"
    assert slugify_title("غزة، لبنان؛ سوريا؟") == "ghza-lbnan-swrya"
    assert slugify_title("«الحرب»—غزة") == "alhrb-ghza"


def test_latin_accents_and_apostrophes():
    assert slugify_title("Émile Zola à Genève") == "emile-zola-a-geneve"
    assert slugify_title("Ḥizb Allāh and the Ṣadr Movement") == "hizb-allah-and-the-sadr-movement"
    assert slugify_title("Straße, Ærø") == "strasse-aero"
    assert slugify_title("Iran’s “Axis of Resistance”") == "irans-axis-of-resistance"
    assert slugify_title("rock 'n' roll") == "rock-n-roll"


def test_transliterate_keeps_case_and_separators():
    assert transliterate("Putin’s  Middle-East: في") == "Putin's  Middle-East: fy"


@pytest.mark.parametrize("title", ["", "   ", "؟؟", "—", "«»", "ـــ", "...!?", "ع", "ء"])
def test_no_letters_or_digits(title):
    assert slugify_title(title) == ""


def test_max_length_cuts_at_a_word_boundary():
    assert slugify_title(REFERENCE_ENGLISH_TITLE, max_length=30) == "putins-alignment-in-middle"
    assert slugify_title(REFERENCE_ENGLISH_TITLE, max_length=31) == (
        "putins-alignment-in-middle-east"
    )
    assert slugify_title(REFERENCE_ENGLISH_TITLE, max_length=32) == (
        "putins-alignment-in-middle-east"
    )
    assert slugify_title("بوتين في الشرق", max_length=12) == "bwtyn-fy"


def test_max_length_every_length():
    full = REFERENCE_ENGLISH_SLUG
    for max_length in range(6, len(full) + 5):
        slug = slugify_title(REFERENCE_ENGLISH_TITLE, max_length=max_length)
        assert len(slug) <= max_length
        assert slug
        assert not slug.endswith("-")
        assert full.startswith(slug)
        assert slug == full or full[len(slug)] == "-"


def test_max_length_first_word_too_long():
    assert slugify_title("الاستراتيجية الإيرانية", max_length=5) == "alast"
    with pytest.raises(ValueError):
        slugify_title("غزة", max_length=0)


def test_default_max_length():
    title = " ".join(["مستقبل العلاقات الأمريكية الخليجية"] * 20)
    slug = slugify_title(title)
    assert 240 < len(slug) <= 255
    assert slug.endswith(("mstqbl", "allaqat", "alamrykya", "alkhlyjya"))


@pytest.mark.parametrize(
    "slug",
    [
        REFERENCE_ARABIC_SLUG,
        REFERENCE_ENGLISH_SLUG,
        *(slug for _, slug in ARABIC_TITLES + PERSIAN_TITLES),
        "a",
        "2023",
    ],
)
def test_idempotent(slug):
    assert slugify_title(slug) == slug
