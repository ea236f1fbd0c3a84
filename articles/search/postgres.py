"""Full-text search on PostgreSQL: a weighted, folded tsvector per article, ranked by its
head. See docs/search.md."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import transaction
from django.db.models import F, Func, Value

from articles.models import Article, ArticleAuthor
from articles.search import below_body
from experts.models import Expert
from thinktank.text import ARABIC_LETTERS, ARABIC_MARKS

CONFIGURATIONS = {"en": "english", "ar": "arabic"}
SIMPLE = "simple"

_FROM = "".join(chr(code) for code in ARABIC_LETTERS)
_TO = "".join(ARABIC_LETTERS.values())
# The combining marks fold() drops after NFKD, for the site's scripts.
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
    """`expression` folded in SQL, unless it is plain ASCII (faster, and the same)."""
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
    """SQL for the names of an article's authors, topics and regions, in every language."""
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


def _own_body_sql(body):
    """SQL for the body without its notes (they are below it, articles.search.below_body)."""
    return f"regexp_replace({body}, '{below_body.NOTE_PATTERN}', ' ', 'g')"


def index(connection, ids_sql, ids_params):
    """Compute the vectors of the articles whose ids `ids_sql` selects, in one UPDATE."""
    table = Article._meta.db_table
    meta = f"concat_ws(' ', b.summary, {_names_sql('b.id')})"
    body = fold_if_needed_sql(_own_body_sql("a.body"))
    below = fold_if_needed_sql("d.below")  # notes, documents (articles.search.below_body)
    cfg = _configuration_sql("b.language")
    # The head (title A, summary and names B) starts the whole vector; the parser
    # skips the body's tags.
    sql = (
        f"UPDATE {table} AS a SET search_head = d.head,"  # noqa: S608 - no values in it
        f" search_vector = d.head || setweight(to_tsvector(d.cfg, {body}), 'C')"
        f" || setweight(to_tsvector(d.cfg, {below}), 'D')"
        f" FROM (SELECT b.id, c.cfg, {below_body.sql('b.id', 'b.body')} AS below,"
        f" setweight(to_tsvector(c.cfg, {fold_if_needed_sql('b.title')}), 'A')"
        f" || setweight(to_tsvector(c.cfg, {fold_sql(meta)}), 'B') AS head"
        f" FROM {table} AS b CROSS JOIN LATERAL (SELECT {cfg} AS cfg) AS c"
        f" WHERE b.id IN ({ids_sql})) AS d"
        f" WHERE a.id = d.id"
    )
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, ids_params)
        return cursor.rowcount


def remove(connection, ids):
    """Nothing to do: the vector lives in the article's row and goes with it."""


def search(queryset, text, language):
    """`queryset` narrowed to what `text` matches in `language` (None: every one),
    annotated with `search_rank`."""
    names = (
        [configuration_for(language)] if language else sorted({*CONFIGURATIONS.values(), SIMPLE})
    )
    query = None
    for name in names:
        part = SearchQuery(Fold(Value(text)), config=name, search_type="websearch")
        query = part if query is None else query | part
    # Ranked by the head alone: the body's vector is read from TOAST, slow at scale.
    return queryset.filter(search_vector=query).annotate(
        search_rank=SearchRank(F("search_head"), query, weights=RANK_WEIGHTS)
    )
