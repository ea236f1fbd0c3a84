"""Pages of search matches and their count from one query (COUNT(*) OVER ()), so the
matches are read once. See docs/search.md."""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import connections

from thinktank.page_numbers import page_number
from thinktank.pagination import Paginator

LARGEST_OFFSET = 2**62
RANKED = "ORDER BY search_rank DESC, published_at DESC NULLS LAST, pk DESC"


def matches_page(found, offset, limit):
    """(ids, total): up to `limit` ids of `found` from `offset` on, best first, and the
    count of all matches (None when the page is empty)."""
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
    # Else PostgreSQL inlines the CTE and its window holds whole rows.
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
    """Pages of match ids, best first, each with its count in one query; a page that
    does not exist is an InvalidPage."""

    def page(self, number):
        number = self._whole_number(number)
        bottom = (number - 1) * self.per_page
        if bottom >= LARGEST_OFFSET:
            raise EmptyPage(self.error_messages["no_results"])
        if "count" not in self.__dict__:
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
