"""
Pages of search matches, with their number, from one query.

Finding the matches is what a search costs: every matching row is read, to apply
the published rule and to rank it (ts_rank on PostgreSQL, bm25 on SQLite). Django's
paginator would count them in one query and rank them in another, reading every
match twice. Here the page's ids and the number of matches come from the same pass,
with COUNT(*) OVER () over the matches' ids, ranks and dates, gathered once in a CTE:

    WITH matches (pk, search_rank, published_at) AS (<the search, no order>)
    SELECT pk, COUNT(*) OVER () FROM matches ORDER BY ... LIMIT 20 OFFSET 380
"""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import connections

from thinktank.pagination import Paginator, page_number

# An offset past 64 bits is past the end of any list (and no database takes it).
LARGEST_OFFSET = 2**62
# The order of search_articles: best first, then newest first.
RANKED = "ORDER BY search_rank DESC, published_at DESC NULLS LAST, pk DESC"


def matches_page(found, offset, limit):
    """
    (ids, total): the ids of up to `limit` matches of `found` (a queryset from
    search_articles) from `offset` on, in its order, and the number of all matches.
    The total is None when the page is empty (then it is unknown, or 0 at offset 0).
    """
    if found.query.is_empty():  # none(): nothing to look for
        return [], None
    try:
        sql, params = (
            found.order_by()
            .values_list("pk", "search_rank", "published_at")
            .query.sql_with_params()
        )
    except EmptyResultSet:  # a filter that can match nothing
        return [], None
    connection = connections[found.db]
    # PostgreSQL would otherwise fold the CTE into the query, and its window would
    # then hold whole rows (the rank's text vector with them), not three columns.
    materialized = "MATERIALIZED" if connection.vendor == "postgresql" else ""
    query = (
        f"WITH matches (pk, search_rank, published_at) AS {materialized} ({sql}) "  # noqa: S608
        f"SELECT pk, COUNT(*) OVER () FROM matches {RANKED} LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [*params, limit, offset])
        rows = cursor.fetchall()
    return [pk for pk, _total in rows], (rows[0][1] if rows else None)


class MatchesPaginator(Paginator):
    """
    Pages of search matches (a queryset from search_articles) whose count is read
    with the page (matches_page), so a page of results is one query, not two. A page
    is the ids of its matches, best first. The rule of every paginated page holds:
    a page that does not exist (0, abc, past the end) is an InvalidPage, a 404.
    """

    def page(self, number):
        number = self._whole_number(number)
        bottom = (number - 1) * self.per_page
        if bottom >= LARGEST_OFFSET:
            raise EmptyPage(self.error_messages["no_results"])
        if "count" not in self.__dict__:
            # The orphans a last page may take are read too; they are cut below.
            ids, total = matches_page(self.object_list, bottom, self.per_page + self.orphans)
            if total is None and number > 1:
                raise EmptyPage(self.error_messages["no_results"])
            self.count = total or 0  # what Paginator.count would have counted
        else:  # the count was asked for first (?page=last)
            ids, _total = matches_page(self.object_list, bottom, self.per_page + self.orphans)
        number = self.validate_number(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(ids[: top - bottom], number, self)

    def _whole_number(self, number):
        """Django's check of the number, before the count is known (validate_number)."""
        if isinstance(number, str):
            number = page_number(number)
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from error
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number
