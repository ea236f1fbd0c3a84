"""Full-text search on SQLite: an FTS5 table of folded title, meta, body text and the text
below the body (notes, documents: articles.search.below_body), ranked by bm25. See
docs/search.md."""

from django.db.models.expressions import RawSQL

from articles.models import Article, ArticleAuthor
from articles.search import below_body
from articles.search.query import parse
from articles.search.snippets import plain_text
from thinktank.notes import split_notes
from thinktank.text import fold

TABLE = "articles_article_search"
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, meta, body, below, tokenize = 'porter unicode61 remove_diacritics 2')"
)
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"
# Weights of title, meta, body and below (the notes: weighted below the body).
RANK = f"bm25({TABLE}, 10.0, 4.0, 1.0, 0.1)"
BATCH = 500


def _documents(ids):
    """{id: (title, meta, body, below)} of the articles `ids`, folded, in four queries and
    those of the text below the body (articles.search.below_body)."""
    meta = {pk: [] for pk in ids}
    for article_id, names in ArticleAuthor.objects.filter(article_id__in=ids).values_list(
        "article_id", "expert__search_text"
    ):
        meta[article_id].append(names)
    for name in ("topics", "regions"):
        through = Article._meta.get_field(name).remote_field.through
        topic_or_region = through._meta.get_field(name[:-1]).name  # topic, region
        rows = through.objects.filter(article_id__in=ids).values_list(
            "article_id", f"{topic_or_region}__name", f"{topic_or_region}__translations"
        )
        for article_id, term, translations in rows:
            meta[article_id].append(term)
            meta[article_id].extend(
                values.get("name", "")
                for values in (translations or {}).values()
                if isinstance(values, dict)
            )
    rows = Article.objects.filter(pk__in=ids).values_list("pk", "title", "summary", "body")
    rows = list(rows)
    below = below_body.texts([row[0] for row in rows], {pk: body for pk, *_, body in rows})
    documents = {}
    for pk, title, summary, body in rows:
        own_text, _notes = split_notes(body)
        documents[pk] = (
            fold(title),
            fold(" ".join([summary, *meta[pk]])),
            fold(plain_text(own_text)),
            fold(below[pk]),
        )
    return documents


def index(connection, ids):
    """Write the FTS rows of the articles `ids` (a list), replacing what was there."""
    done = 0
    with connection.cursor() as cursor:
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            documents = _documents(batch)
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", batch)  # noqa: S608
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, meta, body, below)"  # noqa: S608
                " VALUES (%s, %s, %s, %s, %s)",
                [(pk, *document) for pk, document in documents.items()],
            )
            done += len(documents)
    return done


def remove(connection, ids):
    with connection.cursor() as cursor:
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", batch)  # noqa: S608


def _string(words):
    """An FTS5 string, quotes inside doubled."""
    return '"' + " ".join(words).replace('"', '""') + '"'


def fts_query(text):
    """The FTS5 query for what the reader typed, or None when there is nothing to find."""
    alternatives = []
    for terms in parse(text).alternatives:
        wanted = " AND ".join(_string(term.words) for term in terms if not term.excluded)
        unwanted = "".join(f" NOT {_string(term.words)}" for term in terms if term.excluded)
        alternatives.append(f"({wanted}{unwanted})")
    return " OR ".join(alternatives) or None


def search(queryset, text, language):
    """`queryset` narrowed to what `text` matches, annotated with `search_rank`."""
    query = fts_query(text)
    if query is None:
        return queryset.none()
    table = queryset.model._meta.db_table
    matching = RawSQL(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [query])  # noqa: S608, S611
    # bm25 is lower for better matches; search_rank is higher for better ones.
    rank = RawSQL(  # noqa: S611
        f"SELECT -{RANK} FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid = {table}.id",  # noqa: S608
        [query],
    )
    return queryset.filter(pk__in=matching).annotate(search_rank=rank)
