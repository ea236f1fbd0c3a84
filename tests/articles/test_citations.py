"""
"Cite this" (articles/citations.py): Chicago author-date and APA citations, BibTeX
and RIS files, each read back (tests/helpers/citations.py) and checked field by field,
authors in byline order. The downloads and the section on the page are in
test_citations_downloads.py.
"""

import re
from datetime import UTC, date, datetime

import pytest

from articles import citations
from articles.citations import Person, Work
from tests.helpers.citations import parse_bibtex, parse_ris, ris_values, text, with_byline
from tests.helpers.factories import make_article, make_expert

URL = "https://think.example.org/policy-analysis/putins-alignment"
ANNA = Person("Borshchevskaya", "Anna")
GRANT = Person("Rumley", "Grant")
DAVID = Person("Schenker", "David")


def work(**fields):
    values = {
        "title": "Putin's Alignment in Middle East",
        "authors": (ANNA,),
        "published": date(2023, 11, 27),
        "publisher": "The Thinktank Institute",
        "url": URL,
        "language": "en",
        "kind": "Policy Analysis",
        "summary": "A summary.",
    }
    values.update(fields)
    return Work(**values)


# --- the facts of an article ------------------------------------------------------------------


def test_initials():
    assert Person("Borshchevskaya", "Anna").initials == "A."
    assert Person("Sartre", "Jean-Paul Charles").initials == "J.-P. C."
    assert Person("Plato").initials == ""


@pytest.mark.django_db
def test_work_from_an_article():
    anna = make_expert("Anna Borshchevskaya")
    mushtaq = make_expert("Mushtaq Abd Manaf")
    article = make_article(
        "A Piece",
        authors=[mushtaq, anna],
        published_at=datetime(2023, 11, 27, 15, 0, tzinfo=UTC),
    )
    cited = citations.work_for(with_byline(article), URL)
    assert cited.authors == (Person("Abd Manaf", "Mushtaq"), ANNA)
    assert (cited.published, cited.language, cited.kind) == (
        date(2023, 11, 27),
        "en",
        "Policy Analysis",
    )
    assert cited.publisher == "The Thinktank Institute"


@pytest.mark.django_db
def test_authors_in_another_language():
    named = make_expert("Anna Borshchevskaya", translations={"ar": {"name": "آنا بورشيفسكايا"}})
    sorted_too = make_expert(
        "Grant Rumley", translations={"ar": {"name": "غرانت روملي", "sort_name": "روملي, غرانت"}}
    )
    untranslated = make_expert("David Schenker")
    assert citations.person_for(named, "ar") == Person("بورشيفسكايا", "آنا")
    assert citations.person_for(sorted_too, "ar") == Person("روملي", "غرانت")
    assert citations.person_for(untranslated, "ar") == DAVID


# --- Chicago (author-date) -----------------------------------------------------------------------


def test_chicago_one_author():
    assert text(citations.chicago(work())) == (
        "Borshchevskaya, Anna. 2023. “Putin's Alignment in Middle East.” Policy Analysis, "
        f"The Thinktank Institute, November 27, 2023. {URL}."
    )


def test_chicago_two_and_three_authors():
    assert text(citations.chicago(work(authors=(ANNA, GRANT)))).startswith(
        "Borshchevskaya, Anna, and Grant Rumley. 2023."
    )
    assert text(citations.chicago(work(authors=(ANNA, GRANT, DAVID)))).startswith(
        "Borshchevskaya, Anna, Grant Rumley, and David Schenker. 2023."
    )


def test_chicago_more_than_ten_authors():
    many = tuple(Person(f"Family{index}", f"Given{index}") for index in range(11))
    cited = text(citations.chicago(work(authors=many)))
    assert cited.startswith("Family0, Given0, Given1 Family1, ")
    assert "Given6 Family6, et al. 2023." in cited
    assert "Family7" not in cited


def test_chicago_without_authors_names_the_institute_once():
    cited = text(citations.chicago(work(authors=())))
    assert cited.startswith("The Thinktank Institute. 2023. “Putin's")
    assert cited.count("The Thinktank Institute") == 1


def test_chicago_title_ending_in_a_question_mark():
    cited = text(citations.chicago(work(title="Is It Over?")))
    assert "“Is It Over?” Policy Analysis" in cited


def test_chicago_escapes_markup():
    html = citations.chicago(work(title="Gas & <Oil>"))
    assert "&lt;Oil&gt;" in html
    assert "“Gas & <Oil>.”" in text(html)


# --- APA -----------------------------------------------------------------------------------------


def test_apa_one_author_with_the_title_in_italics():
    html = citations.apa(work())
    assert "<i>Putin&#x27;s Alignment in Middle East</i>" in html
    assert text(html) == (
        "Borshchevskaya, A. (2023, November 27). Putin's Alignment in Middle East "
        f"[Policy Analysis]. The Thinktank Institute. {URL}"
    )


def test_apa_several_authors():
    assert text(citations.apa(work(authors=(ANNA, GRANT)))).startswith(
        "Borshchevskaya, A., & Rumley, G. (2023"
    )
    assert text(citations.apa(work(authors=(ANNA, GRANT, DAVID)))).startswith(
        "Borshchevskaya, A., Rumley, G., & Schenker, D. (2023"
    )


def test_apa_more_than_twenty_authors():
    many = tuple(Person(f"Family{index}", "Given") for index in range(22))
    cited = text(citations.apa(work(authors=many)))
    assert cited.startswith("Family0, G., Family1, G., ")
    assert "Family18, G., . . . Family21, G. (2023" in cited
    assert "Family19" not in cited


def test_apa_without_authors_does_not_repeat_the_publisher():
    cited = text(citations.apa(work(authors=())))
    assert cited.startswith("The Thinktank Institute. (2023, November 27).")
    assert cited.count("The Thinktank Institute") == 1


@pytest.mark.django_db  # the Arabic catalogue is read
def test_arabic_citation_dates_in_arabic():
    cited = text(citations.apa(work(language="ar", title="عنوان")))
    assert "نوفمبر" in cited
    assert "November" not in cited


# --- BibTeX --------------------------------------------------------------------------------------


def test_bibtex_reads_back():
    entry_type, key, fields = parse_bibtex(citations.bibtex(work(authors=(ANNA, GRANT))))
    assert entry_type == "techreport"
    assert key == "borshchevskaya2023putin"
    assert fields["author"] == "Borshchevskaya, Anna and Rumley, Grant"
    assert fields["title"] == "{Putin's Alignment in Middle East}"
    assert fields["institution"] == "The Thinktank Institute"
    assert fields["type"] == "Policy Analysis"
    assert (fields["year"], fields["month"], fields["date"]) == ("2023", "nov", "2023-11-27")
    assert fields["url"] == URL
    assert fields["language"] == "english"
    assert fields["abstract"] == "A summary."


def test_bibtex_escapes_tex_specials():
    _type, _key, fields = parse_bibtex(citations.bibtex(work(title="50% of R&D {costs} #1 $x_y")))
    assert fields["title"] == r"{50\% of R\&D \{costs\} \#1 \$x\_y}"


def test_bibtex_event_and_arabic_key():
    source = citations.bibtex(
        work(is_event=True, kind="Event", authors=(Person("بورشيفسكايا", "آنا"),), language="ar")
    )
    entry_type, key, fields = parse_bibtex(source)
    assert entry_type == "misc"
    assert re.fullmatch(r"[a-z0-9]+", key)
    assert fields["author"] == "بورشيفسكايا, آنا"
    assert fields["note"] == "Event"
    assert fields["language"] == "arabic"


def test_bibtex_braces_a_family_name_with_and():
    _type, _key, fields = parse_bibtex(
        citations.bibtex(work(authors=(Person("Sand and Sea", "Jo"),)))
    )
    assert fields["author"] == "{Sand and Sea}, Jo"


# --- RIS -----------------------------------------------------------------------------------------


def test_ris_reads_back():
    pairs = parse_ris(citations.ris(work(authors=(GRANT, ANNA), summary="Two\nlines.")))
    assert ris_values(pairs, "TY") == ["RPRT"]
    assert ris_values(pairs, "AU") == ["Rumley, Grant", "Borshchevskaya, Anna"]
    assert ris_values(pairs, "TI") == ["Putin's Alignment in Middle East"]
    assert ris_values(pairs, "PY") == ["2023"]
    assert ris_values(pairs, "DA") == ["2023/11/27"]
    assert ris_values(pairs, "PB") == ["The Thinktank Institute"]
    assert ris_values(pairs, "M3") == ["Policy Analysis"]
    assert ris_values(pairs, "LA") == ["en"]
    assert ris_values(pairs, "UR") == [URL]
    assert ris_values(pairs, "AB") == ["Two lines."]


def test_ris_event():
    assert ris_values(parse_ris(citations.ris(work(is_event=True))), "TY") == ["GEN"]
