"""
The text indexed with an article below its body (PostgreSQL weight D, SQLite's "below"
column): its notes, and the extracted text of its documents. Each source in SOURCES
gives it two ways, for the two backends: `texts(ids, bodies)`, in Python ({article id:
[text, ...]}; `bodies` the articles' stored bodies, read already), and `sql(article_id,
body)`, an SQL expression of the text for the article whose id and body are the SQL
`article_id` and `body`. An article's text below the body is cut at BELOW_BODY_LIMIT
characters. See docs/search.md.
"""

from articles.models import Document
from articles.search.snippets import plain_text
from thinktank.notes import split_notes

# Characters of an article's text below the body that are indexed: enough for its notes
# and the extracted text of a few long reports (each document keeps 100,000 at most,
# thinktank.documents.TEXT_LIMIT), and far below PostgreSQL's 1 MB tsvector.
BELOW_BODY_LIMIT = 300_000

# A note as the sanitizer stores it (thinktank/notes.py): no <span> inside, so the
# shortest match ends it.
NOTE_PATTERN = '<span data-note="">(.*?)</span>'
if "'" in NOTE_PATTERN:  # written into SQL
    raise ValueError("a quote in the note pattern")


class NotesText:
    """The text of the body's notes (cut out of the body's own text, docs/notes.md)."""

    def texts(self, ids, bodies):
        found = {}
        for pk in ids:
            _own, notes = split_notes(bodies.get(pk) or "")
            if notes:
                found[pk] = [" ".join(plain_text(note) for note in notes)]
        return found

    def sql(self, article_id, body):
        return (
            f"array_to_string(ARRAY(SELECT m[1] FROM regexp_matches({body}, '{NOTE_PATTERN}',"  # noqa: S608 - no values in it
            " 'g') AS m), ' ')"
        )


class DocumentsText:
    """The extracted text of the article's documents, in their order."""

    def texts(self, ids, bodies):
        found = {}
        rows = Document.objects.filter(article_id__in=ids).exclude(text="")
        for article_id, text in rows.order_by("position", "pk").values_list("article_id", "text"):
            found.setdefault(article_id, []).append(text)
        return found

    def sql(self, article_id, body):
        table = Document._meta.db_table
        return (
            f"(SELECT string_agg(doc.text, ' ' ORDER BY doc.position, doc.id)"  # noqa: S608
            f" FROM {table} AS doc WHERE doc.article_id = {article_id})"
        )


SOURCES = [NotesText(), DocumentsText()]


def texts(ids, bodies):
    """{article id: its text below the body} for the articles `ids` (each present), whose
    stored bodies are `bodies` ({id: body})."""
    parts = {pk: [] for pk in ids}
    for source in SOURCES:
        for article_id, found in source.texts(ids, bodies).items():
            parts[article_id].extend(found)
    return {pk: " ".join(found)[:BELOW_BODY_LIMIT] for pk, found in parts.items()}


def sql(article_id, body):
    """SQL of the text below the body of the article whose id and body are the SQL
    `article_id` and `body` (never NULL)."""
    sources = ", ".join(source.sql(article_id, body) for source in SOURCES)
    return f"left(concat_ws(' ', {sources}), {BELOW_BODY_LIMIT})"
