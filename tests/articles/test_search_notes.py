"""
Notes are searched with their article, weighted below the body (articles/search/): a word
only in a note finds the article, a match in the body ranks above a match in a note, and
the result's snippet shows the note's words, never its markup.
"""

import re
from urllib.parse import urlencode

import pytest
from django.db import connection

from articles.models import Article
from articles.search import sqlite
from tests.helpers.factories import days_ago, make_article
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db


def found(query, language="en"):
    return list(Article.objects.published().search(query, language).values_list("title", flat=True))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_word_only_in_a_note_finds_the_article(language):
    word = "quokka" if language == "en" else "بلوطات"
    body = f'<p>Body text.<span data-note="">See the <em>{word}</em> report.</span></p>'
    make_article("Noted", language=language, body=body)
    make_article("Unnoted", language=language, body="<p>Body text.</p>")
    assert found(word, language) == ["Noted"]


def test_a_body_match_ranks_above_a_note_match():
    # The note-only article is newer, and its note says the word more often.
    make_article(
        "In a note",
        body='<p>Other.<span data-note="">wombat wombat wombat.</span></p>',
        published_at=days_ago(1),
    )
    make_article("In the body", body="<p>A wombat.</p>", published_at=days_ago(20))
    if connection.vendor == "postgresql":
        # Ranked by the head alone (title, summary, names: docs/search.md), so both match
        # alike, newest first; the body's words carry weight C in the vector, the note's D
        # (which a tsvector prints without a letter).
        assert found("wombat") == ["In a note", "In the body"]
        vectors = dict(Article.objects.values_list("title", "search_vector"))
        assert re.search(r"'wombat':\d+C\b", vectors["In the body"])
        assert re.search(r"'wombat':\d+(,\d+)*( |$)", vectors["In a note"])
        return
    assert found("wombat") == ["In the body", "In a note"]


def test_notes_are_kept_out_of_the_body_text():
    article = make_article(body='<p>Own words.<span data-note="">Cited words.</span></p>')
    title, meta, body, below = sqlite._documents([article.pk])[article.pk]
    assert (body, below) == ("own words", "cited words")


def test_the_snippet_shows_a_notes_words_not_its_markup(client):
    make_article(
        "Snippets",
        body='<p>Plain body.<span data-note="">The <a href="https://example.org">capybara</a>'
        " census.</span></p>",
    )
    response = client.get(f"/search?{urlencode({'q': 'capybara'})}")
    snippet = parse(response).find(cls="search-result__snippet")
    assert snippet.text == "The capybara census."
    assert [mark.text for mark in snippet.find_all("mark")] == ["capybara"]
    assert "data-note" not in response.content.decode()
