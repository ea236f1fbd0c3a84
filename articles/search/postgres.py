"""
Full-text search on PostgreSQL: a weighted tsvector stored in Article.search_vector
(GIN-indexed), built in SQL from the stored rows, so re-indexing any number of
articles is one UPDATE, and queried with websearch_to_tsquery, ranked with ts_rank.

Weights: A the title; B the summary and the names of the authors, topics and regions
(in every language); C the body's text. The title and B part, the "head", is kept
apart too (Article.search_head), small, to rank by. Each article is indexed in its language's
text-search configuration: English with English stemming, Arabic with PostgreSQL's
Arabic (Snowball) stemmer, any other language with 'simple' (PostgreSQL has no
Persian stemmer). The text is folded as thinktank.text.fold folds it (accents,
Arabic diacritics and letter variants) by one SQL expression applied to both sides,
the indexed text and the query, so أحمد finds احمد and "Jose" finds "José".
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import transaction
from django.db.models import F, Func, Value

from articles.models import Article, ArticleAuthor
from experts.models import Expert
from thinktank.text import ARABIC_LETTERS, ARABIC_MARKS

# Languages with a stemming configuration of their own; every other one is 'simple'.
CONFIGURATIONS = {"en": "english", "ar": "arabic"}
SIMPLE = "simple"

# Letters written in more than one way, as thinktank.text folds them.
_FROM = "".join(chr(code) for code in ARABIC_LETTERS)
_TO = "".join(ARABIC_LETTERS.values())
# Combining marks: what fold() drops after decomposing (NFKD), for the scripts the
# site publishes in (Latin, Greek, Cyrillic and Hebrew accents, Arabic marks).
_MARKS = (
    r"[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    r"\ufe20-\ufe2f" + ARABIC_MARKS.pattern.strip("[]") + "]"
)
if "'" in _FROM + _TO + _MARKS:  # they are written into SQL below
    raise ValueError("a quote in the folding tables")
FOLD_TEMPLATE = (
    f"translate(regexp_replace(normalize(%s, NFKD), '{_MARKS}', '', 'g'), '{_FROM}', '{_TO}')"
)
NOT_ASCII = r"[^\x01-\x7f]"
# ts_rank's weights of D, C, B (summary, names), A (title).
RANK_WEIGHTS = [0.05, 0.1, 0.4, 1.0]


def configuration_for(language):
    return CONFIGURATIONS.get((language or "").split("-")[0], SIMPLE)


def fold_sql(expression):
    return FOLD_TEMPLATE % expression


def fold_if_needed_sql(expression):
    """Folded where there is anything to fold: plain ASCII text (most English) is left
    as it is, which is what folding it would give (the parser lowercases), and faster."""
    folded = fold_sql(expression)
    return f"(CASE WHEN {expression} ~ '{NOT_ASCII}' THEN {folded} ELSE {expression} END)"


class Fold(Func):
    """thinktank.text.fold's folding of accents and Arabic letters, in SQL."""

    arity = 1
    template = FOLD_TEMPLATE % "%(expressions)s"


def _configuration_sql(column):
    whens = " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in CONFIGURATIONS.items())
    return f"(CASE split_part({column}, '-', 1) {whens} ELSE '{SIMPLE}' END)::regconfig"


def _names_sql(article_id):
    """
    The names of an article's authors, topics and regions, in every language: SQL
    with table and column names from the models' metadata, and no value in it.
    """
    authors = (
        f"(SELECT string_agg(e.search_text, ' ') FROM {ArticleAuthor._meta.db_table} AS aa"  # noqa: S608
        f" JOIN {Expert._meta.db_table} AS e ON e.id = aa.expert_id"
        f" WHERE aa.article_id = {article_id})"
    )
    taxonomy_names = []
    for name in ("topics", "regions"):
        field = Article._meta.get_field(name)
        through = field.remote_field.through._meta.db_table
        target = field.related_model._meta.db_table
        translated_names = (
            "(SELECT string_agg(v.value ->> 'name', ' ') FROM jsonb_each(CASE WHEN"
            " jsonb_typeof(x.translations) = 'object' THEN x.translations ELSE '{}'::jsonb END)"
            " AS v)"
        )
        taxonomy_names.append(
            f"(SELECT string_agg(concat_ws(' ', x.name, {translated_names}), ' ')"  # noqa: S608
            f" FROM {through} AS l JOIN {target} AS x ON x.id = l.{field.m2m_reverse_name()}"
            f" WHERE l.{field.m2m_column_name()} = {article_id})"
        )
    return ", ".join([authors, *taxonomy_names])


def index(connection, ids_sql, ids_params):
    """Compute the vectors of the articles whose ids `ids_sql` selects, in one UPDATE."""
    table = Article._meta.db_table
    meta = f"concat_ws(' ', b.summary, {_names_sql('b.id')})"
    body = fold_if_needed_sql("a.body")
    cfg = _configuration_sql("b.language")
    # The head (title A, summary and names B) is computed once, in the subquery, and
    # is also the start of the whole vector. The body's tags and character references
    # are left to the parser, which skips them.
    sql = (
        f"UPDATE {table} AS a SET search_head = d.head,"  # noqa: S608 - no values in it
        f" search_vector = d.head || setweight(to_tsvector(d.cfg, {body}), 'C')"
        f" FROM (SELECT b.id, c.cfg,"
        f" setweight(to_tsvector(c.cfg, {fold_if_needed_sql('b.title')}), 'A')"
        f" || setweight(to_tsvector(c.cfg, {fold_sql(meta)}), 'B') AS head"
        f" FROM {table} AS b CROSS JOIN LATERAL (SELECT {cfg} AS cfg) AS c"
        f" WHERE b.id IN ({ids_sql})) AS d"
        f" WHERE a.id = d.id"
    )
    # JIT compiling costs more than it saves on these function calls.
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, ids_params)
        return cursor.rowcount


def remove(connection, ids):
    """Nothing to do: the vector lives in the article's row and goes with it."""


def search(queryset, text, language):
    """
    `queryset` narrowed to what `text` matches, annotated with `search_rank`. Read in
    `language`'s configuration, or, for every language at once (None), in each one:
    an article matches in its own, and the others' stems do not collide with it.
    """
    names = (
        [configuration_for(language)] if language else sorted({*CONFIGURATIONS.values(), SIMPLE})
    )
    query = None
    for name in names:
        part = SearchQuery(Fold(Value(text)), config=name, search_type="websearch")
        query = part if query is None else query | part
    # Ranked by the head alone: a match in the title, then in the summary or names,
    # ranks by how well it matches; a match in the body only ranks 0, and such matches
    # come newest first. Ranking by the whole vector would read every match's body
    # vector out of the TOAST table, slow for a common word over a large archive;
    # the head is small and stays in the row.
    return queryset.filter(search_vector=query).annotate(
        search_rank=SearchRank(F("search_head"), query, weights=RANK_WEIGHTS)
    )
