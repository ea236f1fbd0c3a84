"""
The Arabic expert directory (/ar/experts): right to left, filed and sorted by the
Arabic sort key (hamza seats folded, al- ignored), and the English name where there
is no Arabic one.
"""

import pytest

from tests.helpers.directory import directory, groups, listed
from tests.helpers.factories import make_expert
from tests.helpers.multilingual import html_lang_dir, translated

pytestmark = pytest.mark.django_db


# --- the Arabic directory --------------------------------------------------------------------


def test_arabic_directory_is_right_to_left_and_sorted_by_arabic_sort_key(client):
    def expert(name, arabic, **fields):
        return make_expert(name, translations={"ar": arabic}, **fields)

    expert("Hanin Ghaddar", {"name": "حنين غدار", "sort_name": "حنين غدار"})
    expert("Ghaith al-Omari", {"name": "غيث العُمَري"})
    expert("Anna Borshchevskaya", {"name": "آنا بورشيفسكايا"})
    expert("Mushtaq Abd Manaf", {"name": "مشتاق عبد مناف"})
    expert("Assaf Orion", {"name": "أساف أوريون"})
    expert("Omar Farid Nasser", {"name": "عمر فريد ناصر"}, sort_name="Farid Nasser, Omar")

    english = directory(client)
    assert groups(english) == {
        "A": ["Mushtaq Abd Manaf"],
        "B": ["Anna Borshchevskaya"],
        "F": ["Omar Farid Nasser"],  # the English sort name given
        "G": ["Hanin Ghaddar"],
        "O": ["Ghaith al-Omari", "Assaf Orion"],
    }

    arabic = directory(client, "/ar")
    assert html_lang_dir(arabic) == ("ar", "rtl")
    assert arabic.find("h1").text == translated("ar", "Experts")
    assert groups(arabic) == {
        "ا": ["أساف أوريون"],  # hamza seat folded: filed under the bare alef
        "ب": ["آنا بورشيفسكايا"],
        "ح": ["حنين غدار"],  # the Arabic sort name given, not the family name
        # عبد مناف is a family name; ال is ignored (العمري under ع); and ناصر is
        # the family name in Arabic, whatever the English sort name says.
        "ع": ["مشتاق عبد مناف", "غيث العُمَري"],
        "ن": ["عمر فريد ناصر"],
    }


def test_arabic_directory_falls_back_to_the_english_name(client):
    make_expert("Sophie Lindqvist", role="Fellow")
    page = directory(client, "/ar")
    assert listed(page) == ["Sophie Lindqvist"]
    assert page.find(cls="expert-card__role").text == "Fellow"
