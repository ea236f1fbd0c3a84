"""
The text indexed with an article below its body (PostgreSQL weight D, SQLite's "below"
column): what belongs to the article without being its text, such as its documents'.
Each source in SOURCES gives it two ways, for the two backends: `texts(ids)`, in Python
({article id: [text, ...]}, one query for a batch), and `sql(article_id)`, an SQL
expression of the text for the article whose id is the SQL `article_id`. An article's
text below the body is cut at BELOW_BODY_LIMIT characters. See docs/search.md.
"""

from articles.models import Document

# Characters of an article's text below the body that are indexed: enough for the
# extracted text of a few long reports (each document keeps 100,000 at most,
# thinktank.documents.TEXT_LIMIT), and far below PostgreSQL's 1 MB tsvector.
BELOW_BODY_LIMIT = 300_000


class DocumentsText:
    """The extracted text of the article's documents, in their order."""

    def texts(self, ids):
        found = {}
        rows = Document.objects.filter(article_id__in=ids).exclude(text="")
        for article_id, text in rows.order_by("position", "pk").values_list("article_id", "text"):
            found.setdefault(article_id, []).append(text)
        return found

    def sql(self, article_id):
        table = Document._meta.db_table
        return (
            f"(SELECT string_agg(doc.text, ' ' ORDER BY doc.position, doc.id)"  # noqa: S608
            f" FROM {table} AS doc WHERE doc.article_id = {article_id})"
        )


SOURCES = [DocumentsText()]


def texts(ids):
    """{article id: its text below the body} for the articles `ids` (each present)."""
    parts = {pk: [] for pk in ids}
    for source in SOURCES:
        for article_id, found in source.texts(ids).items():
            parts[article_id].extend(found)
    return {pk: " ".join(found)[:BELOW_BODY_LIMIT] for pk, found in parts.items()}


def sql(article_id):
    """SQL of the text below the body of the article whose id is `article_id` (never NULL)."""
    sources = ", ".join(source.sql(article_id) for source in SOURCES)
    return f"left(concat_ws(' ', {sources}), {BELOW_BODY_LIMIT})"
