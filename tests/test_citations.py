"""
"Cite this" (articles/citations.py): Chicago author-date and APA citations, BibTeX
and RIS files, each read back (a small parser for each format is here) and checked
field by field, authors in byline order; the downloads at /policy-analysis/<slug>.bib
and .ris, per language, for published articles only; and the section on the page.
"""

import re
from datetime import UTC, date, datetime

import pytest

from articles import citations
from articles.citations import Person, Work
from tests.budgets import count_queries
from tests.factories import (
    in_future,
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_publication_type,
    make_translation,
)
from tests.htmlpage import get_page, parse
from tests.multilingual import SERVER

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


def text(html):
    """A citation as a reader copies it: the HTML's text, entities resolved."""
    return parse(f"<p>{html}</p>").find("p").text


# --- tiny parsers, to read the files back -------------------------------------------------------


def parse_bibtex(source):
    """(entry type, key, {field: value}) of a single BibTeX entry; braces kept inside values."""
    match = re.fullmatch(r"@(\w+)\{([^,\s]+),\n(.*)\}\n", source, re.DOTALL)
    assert match, source
    entry_type, key, body = match.groups()
    fields, position = {}, 0
    while True:
        field = re.compile(r"\s*(\w+) = ").match(body, position)
        if field is None:
            break
        name, position = field.group(1), field.end()
        if body[position] == "{":
            depth, start = 0, position
            while True:
                if body[position] == "\\":
                    position += 2
                    continue
                depth += {"{": 1, "}": -1}.get(body[position], 0)
                position += 1
                if depth == 0:
                    break
            value = body[start + 1 : position - 1]
        else:  # a macro, such as a month
            value = re.compile(r"\w+").match(body, position).group(0)
            position += len(value)
        assert body[position] == ",", body[position:]
        position += 1
        assert name not in fields
        fields[name] = value
    assert not body[position:].strip(), body[position:]
    return entry_type, key, fields


def parse_ris(source):
    """[(tag, value)] of a single RIS record, checking its line endings and its end."""
    assert source.endswith("ER  - \r\n")
    lines = source.split("\r\n")
    assert lines.pop() == ""
    assert "\n" not in "".join(lines)
    pairs = []
    for line in lines:
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, line
        pairs.append(match.groups())
    assert pairs[0][0] == "TY"
    assert pairs[-1] == ("ER", "")
    return pairs[:-1]


def ris_values(pairs, tag):
    return [value for name, value in pairs if name == tag]


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


# --- the downloads -------------------------------------------------------------------------------


@pytest.fixture
def piece(db):
    anna = make_expert("Anna Borshchevskaya", slug="anna")
    grant = make_expert("Grant Rumley", slug="grant")
    guest = make_guest("Guest Writer")
    article = make_article(
        "Putin's Alignment",
        slug="putins-alignment",
        authors=[grant, guest, anna],
        published_at=datetime(2023, 11, 27, 15, 0, tzinfo=UTC),
    )
    arabic = make_translation(article, "ar", "انحياز بوتين", slug="anhyaz-bwtyn", authors=[anna])
    return {"article": article, "arabic": arabic}


def test_bibtex_download(client, piece):
    response = client.get("/policy-analysis/putins-alignment.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="putins-alignment.bib"'
    assert response["X-Robots-Tag"] == "noindex"
    _type, _key, fields = parse_bibtex(response.content.decode())
    assert fields["author"] == "Rumley, Grant and Writer, Guest and Borshchevskaya, Anna"
    assert fields["url"] == f"{SERVER}/policy-analysis/putins-alignment"
    assert fields["title"] == "{Putin's Alignment}"


def test_ris_download_in_arabic(client, piece):
    response = client.get("/ar/policy-analysis/anhyaz-bwtyn.ris")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    pairs = parse_ris(response.content.decode())
    assert ris_values(pairs, "TI") == ["انحياز بوتين"]
    assert ris_values(pairs, "LA") == ["ar"]
    assert ris_values(pairs, "UR") == [f"{SERVER}/ar/policy-analysis/anhyaz-bwtyn"]


@pytest.mark.parametrize("ext", ["bib", "ris"])
def test_only_published_articles_are_cited(client, piece, ext):
    make_article("A Draft", slug="a-draft", published=False)
    make_article("Scheduled", slug="scheduled", published_at=in_future())
    for url in (
        f"/policy-analysis/a-draft.{ext}",
        f"/policy-analysis/scheduled.{ext}",
        f"/policy-analysis/no-such-piece.{ext}",
        f"/ar/policy-analysis/putins-alignment.{ext}",  # the English slug, in Arabic
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/policy-analysis/putins-alignment.{ext}").status_code == 405


# --- on the page ---------------------------------------------------------------------------------


def with_byline(article):
    article.byline = list(article.authorships.select_related("expert").order_by("position"))
    return article


def cite_section(page):
    return page.find("section", aria_labelledby="cite-this")


def test_page_shows_both_styles_and_both_downloads(client, piece):
    article = piece["article"]
    page = get_page(client, article.get_absolute_url())
    section = cite_section(page)
    assert section.find("h2").text == "Cite this"
    styles = dict(
        zip(
            [term.text for term in section.find_all("dt")],
            [definition.text for definition in section.find_all("dd")],
            strict=True,
        )
    )
    cited = citations.work_for(with_byline(article), f"{SERVER}/policy-analysis/putins-alignment")
    assert styles == {
        "Chicago (author-date)": text(citations.chicago(cited)),
        "APA (7th edition)": text(citations.apa(cited)),
    }
    assert styles["Chicago (author-date)"].startswith(
        "Rumley, Grant, Guest Writer, and Anna Borshchevskaya. 2023. “Putin's Alignment.”"
    )
    assert section.find("dd", cls="cite-this__text").find_all("i") == []  # Chicago: roman
    links = {link.text: link for link in section.links()}
    assert links["BibTeX (.bib)"].get("href") == "/policy-analysis/putins-alignment.bib"
    assert links["RIS (.ris)"].get("href") == "/policy-analysis/putins-alignment.ris"
    for link in links.values():
        assert "download" in link.attrs
        assert client.get(link.get("href")).status_code == 200


def test_arabic_page_cites_the_arabic_version(client, piece):
    page = get_page(client, piece["arabic"].get_absolute_url())
    section = cite_section(page)
    assert "انحياز بوتين" in section.find("dd").text
    assert section.find("a", download=True).get("href") == "/ar/policy-analysis/anhyaz-bwtyn.bib"


def test_event_pages_can_be_cited_too(client, db):
    # Published a month before; held on December 14, 2023 at 9:30 p.m. in New York,
    # already the 15th in UTC: cited by the day it took place, where it took place.
    event = make_event(
        "An Event",
        slug="an-event",
        authors=[make_expert()],
        start=datetime(2023, 12, 15, 2, 30, tzinfo=UTC),
        published_at=datetime(2023, 11, 14, 12, 0, tzinfo=UTC),
    )
    section = cite_section(get_page(client, event.get_absolute_url()))
    assert section.find("dt").text == "Chicago (author-date)"
    assert "December 14, 2023" in section.find("dd").text
    entry_type, _key, fields = parse_bibtex(
        client.get("/policy-analysis/an-event.bib").content.decode()
    )
    assert entry_type == "misc"
    assert fields["date"] == "2023-12-14"


def test_publication_type_names_the_kind(client, db):
    brief = make_publication_type("Brief Analysis")
    make_article("A Brief", slug="a-brief", publication_type=brief)
    _type, _key, fields = parse_bibtex(client.get("/policy-analysis/a-brief.bib").content.decode())
    assert fields["type"] == "Brief Analysis"


@pytest.mark.parametrize("ext", ["bib", "ris"])
def test_download_queries_do_not_grow_with_authors(client, db, ext):
    make_article("One Author", slug="one-author", authors=[make_expert()])
    make_article("Many Authors", slug="many-authors", authors=[make_expert() for _ in range(8)])
    counts = []
    for slug in ("one-author", "many-authors"):
        count, _response = count_queries(
            client, f"/policy-analysis/{slug}.{ext}", clear_cache=False
        )
        counts.append(count)
    assert counts[0] == counts[1] <= 3  # the article (with its type), its byline
