"""
thinktank/text.py: names folded for matching and sorting (accents, case, Arabic marks
and letter variants), the default sort name, the sort key and the A-Z initial.
"""

import pytest

from thinktank.text import default_sort_name, fold, initial, sort_key

# --- fold -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "one, other",
    [
        ("Borshchevskaya", "borshchevskaya"),
        ("BORSHCHEVSKAYA", "borshchevskaya"),
        ("José", "jose"),
        ("JOSÉ", "José"),
        ("Zoë Öztürk", "zoe ozturk"),
        ("Çelik Ñúñez", "celik nunez"),
        ("Straße", "strasse"),  # casefold, not lower: ß is ss
        # Arabic short vowels, shadda and tatweel change nothing.
        ("العُمَري", "العمري"),
        ("مُحَمَّد", "محمد"),
        ("عـــمر", "عمر"),
        # Hamza seats on alef, and alef madda, fold to a bare alef.
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آنا", "انا"),
        # Persian yeh and keheh are the Arabic yeh and kaf; alef maqsura is a yeh.
        ("علی", "علي"),
        ("کریم", "كريم"),
        ("مصطفى", "مصطفي"),
        # Teh marbuta reads as heh.
        ("حمزة", "حمزه"),
        # Hyphens, apostrophes and repeated spaces are one space.
        ("Ghaith al-Omari", "ghaith al omari"),
        ("  O’Brien   Smith ", "o brien smith"),
    ],
)
def test_fold_makes_spelling_variants_equal(one, other):
    assert fold(one) == fold(other)


def test_fold_keeps_different_names_different():
    assert fold("Omari") != fold("Amari")
    assert fold("احمد") != fold("محمد")
    assert fold("José") == "jose"


def test_fold_of_nothing_is_empty():
    assert fold("") == ""
    assert fold(None) == ""
    assert fold(" - ' ") == ""


# --- default_sort_name --------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Anna Borshchevskaya", "Borshchevskaya, Anna"),
        ("Mushtaq Abd Manaf", "Abd Manaf, Mushtaq"),
        ("Ghaith al-Omari", "al-Omari, Ghaith"),
        ("Omar Farid Nasser", "Nasser, Omar Farid"),
        ("Ludwig van Beethoven", "van Beethoven, Ludwig"),
        ("Madonna", "Madonna"),
        ("  Anna   Borshchevskaya ", "Borshchevskaya, Anna"),
        ("", ""),
    ],
)
def test_default_sort_name_puts_the_family_name_first(name, expected):
    assert default_sort_name(name) == expected


# --- sort_key -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sort_name, expected",
    [
        ("al-Omari, Ghaith", "omari, ghaith"),
        ("Al-Omari, Ghaith", "omari, ghaith"),
        ("al Omari, Ghaith", "omari, ghaith"),
        ("el-Sisi, Abdel Fattah", "sisi, abdel fattah"),
        ("العمري، غيث", "عمري، غيث"),
        ("Abd Manaf, Mushtaq", "abd manaf, mushtaq"),
        ("Borshchevskaya, Anna", "borshchevskaya, anna"),
        ("Álvarez, José", "alvarez, jose"),
    ],
)
def test_sort_key_is_folded_and_drops_a_leading_article(sort_name, expected):
    assert sort_key(sort_name) == expected


@pytest.mark.parametrize("sort_name", ["Alan, Turing", "Eliot, George", "Allawi, Ayad", "الا"])
def test_sort_key_keeps_names_that_only_begin_like_an_article(sort_name):
    """Alan and Eliot are not "al-"/"el-" names; "الا" is too short to be ال + a name."""
    assert sort_key(sort_name) == fold(sort_name)


def test_sort_keys_order_names_as_a_reader_expects():
    names = ["Zaza, Zeynep", "al-Omari, Ghaith", "Özdemir, Ömer", "Abd Manaf, Mushtaq", "Orban, Él"]
    assert sorted(names, key=sort_key) == [
        "Abd Manaf, Mushtaq",
        "al-Omari, Ghaith",
        "Orban, Él",
        "Özdemir, Ömer",
        "Zaza, Zeynep",
    ]


# --- initial ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, letter",
    [
        ("omari, ghaith", "O"),
        (sort_key("al-Omari, Ghaith"), "O"),
        (sort_key("Abd Manaf, Mushtaq"), "A"),
        (sort_key("Özdemir, Ömer"), "O"),
        (sort_key("العمري، غيث"), "ع"),
        ("1st, Person", "#"),
        ("", "#"),
    ],
)
def test_initial_is_the_letter_a_sort_key_is_filed_under(key, letter):
    assert initial(key) == letter


@pytest.mark.parametrize(
    "name, expected, letter",
    [
        ("غيث العمري", "العمري, غيث", "ع"),
        ("مشتاق عبد مناف", "عبد مناف, مشتاق", "ع"),
        ("حسن أبو هنية", "أبو هنية, حسن", "ا"),
        ("آنا بورشيفسكايا", "بورشيفسكايا, آنا", "ب"),
    ],
)
def test_default_sort_name_of_an_arabic_name(name, expected, letter):
    """The same rule in Arabic script: عبد مناف is filed under ع, as Abd Manaf under A."""
    assert default_sort_name(name) == expected
    assert initial(sort_key(expected)) == letter
