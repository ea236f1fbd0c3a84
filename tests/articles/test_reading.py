"""Word count and reading time: a word is what a reader counts as one, in English,
Arabic (with or without its vowel marks) and Persian (whose words hold a zero-width
non-joiner), whatever separates the words: white space, punctuation, HTML blocks."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.reading import WORDS_PER_MINUTE, reading_minutes, text_of, word_count

ENGLISH = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1)
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
ARABIC = st.builds(
    "".join,
    st.lists(
        st.tuples(st.sampled_from(ARABIC_LETTERS), st.text(HARAKAT, max_size=2)).map("".join),
        min_size=1,
        max_size=8,
    ),
)
PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
PERSIAN = st.lists(st.text(PERSIAN_LETTERS, min_size=1, max_size=6), min_size=1, max_size=3).map(
    "\u200c".join  # می‌خواهم: one word, its parts joined by a zero-width non-joiner
)
WORD = st.one_of(ENGLISH, ARABIC, PERSIAN, st.builds("{}-{}".format, ENGLISH, ENGLISH))
# Between words: white space of any kind, with punctuation or a lone dash around it.
GAP = st.builds(
    "{}{}{}".format,
    st.sampled_from(["", ",", ".", "،", "؛", "؟", ":", "»"]),
    st.text(" \t\n\u00a0\u2003", min_size=1, max_size=3),
    st.sampled_from(["", "— ", "– ", "«", "(", "- "]),
)


def joined(words, gaps):
    text = words[0]
    for word, gap in zip(words[1:], gaps, strict=False):
        text += gap + word
    return text


@given(st.lists(WORD, min_size=1, max_size=30), st.lists(GAP, min_size=30, max_size=30))
def test_every_word_is_counted_once(words, gaps):
    assert word_count(joined(words, gaps)) == len(words)


@given(st.lists(WORD, min_size=1, max_size=20), st.sampled_from(["p", "li", "h2", "td"]))
def test_html_blocks_separate_words_and_inline_elements_do_not(words, block):
    html = "".join(f"<{block}>{word}</{block}>" for word in words)
    assert word_count(text_of(html)) == len(words)
    emphasised = "<p>" + " ".join(f"<em>{word[:1]}</em>{word[1:]}" for word in words) + "</p>"
    assert word_count(text_of(emphasised)) == len(words)


@given(st.text(" \t\n—–-.,،؛؟!()«»"))
def test_punctuation_and_space_alone_are_no_words(text):
    assert word_count(text) == 0


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Water policy in the Gulf, 2024.", 6),
        ("سياسة المياه في الخليج، ٢٠٢٤.", 5),
        ("كَتَبَ الطَّالِبُ الدَّرْسَ", 3),
        ("من می‌خواهم کتاب‌ها را بخوانم", 5),
        ("well-known — and so on", 4),
    ],
)
def test_known_texts(text, count):
    assert word_count(text) == count


@given(st.integers(min_value=1, max_value=100_000), st.sampled_from(["en", "ar", "fa", "xx"]))
def test_reading_time_is_whole_minutes_at_the_language_s_pace(words, language):
    minutes = reading_minutes(words, language)
    pace = WORDS_PER_MINUTE.get(language, WORDS_PER_MINUTE["en"])
    assert minutes >= 1 and (minutes - 1) * pace < words <= minutes * pace


def test_no_words_no_minutes():
    assert reading_minutes(0, "en") == 0


def test_arabic_reads_slower_than_english():
    assert reading_minutes(1000, "ar") > reading_minutes(1000, "en")
