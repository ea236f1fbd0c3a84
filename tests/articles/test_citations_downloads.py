"""
"Cite this" on the site: the downloads at /policy-analysis/<slug>.bib and .ris, per
language, for published articles only, in a few queries whatever the byline; and the
section on the page, in both styles, for articles and events alike.
"""

from datetime import UTC, datetime

import pytest

from articles import citations
from tests.helpers.budgets import count_queries
from tests.helpers.citations import parse_bibtex, parse_ris, ris_values, text, with_byline
from tests.helpers.factories import (
    in_future,
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_publication_type,
    make_translation,
)
from tests.helpers.htmlpage import get_page
from tests.helpers.multilingual import SERVER

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
