"""
One rule for every paginated page: `?page=N` for N from 1 to the last page shows that
page; any other value (0, -1, abc, 1.5, ², past the end) is a page that does not exist
and answers 404, as Django's ListView does for the pages built on it. No parameter is
the first page, and an empty list still has its (empty) first page. N may be written in
any script's digits (٣, ۳ and 3 are page 3), as readers type it: `page_number` reads
it, for the pages and for the request log alike.

Every paginated page reads its page the same way too (`Paginator` below, the
`paginator_class` of the list views and what `page_or_404` uses), so a deep page
costs about what the first does.
"""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import InvalidPage
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from django.http import Http404
from django.utils.functional import cached_property

from thinktank import cache as page_cache

# More digits than any list has pages; int() refuses over 4300 of them anyway.
MAX_PAGE_DIGITS = 18


def page_number(value):
    """
    The whole number a `?page=` value names, else None. Only digits: those of any
    script (Unicode's decimal digits: 0-9, Arabic-Indic ٠-٩, Persian ۰-۹ ...), not
    a sign, a space, a "_", a superscript or a circled digit.
    """
    if isinstance(value, str) and value.isdecimal() and len(value) <= MAX_PAGE_DIGITS:
        return int(value)
    return None


class PageParameterMixin:
    """For a ListView: its `?page=` is read by page_number ("last" too, as Django's)."""

    def paginate_queryset(self, queryset, page_size):
        value = self.request.GET.get(self.page_kwarg)
        if value and value != "last" and page_number(value) is None:
            raise Http404(f"No page {value!r}")
        return super().paginate_queryset(queryset, page_size)


class Paginator(DjangoPaginator):
    """
    Pages of a queryset by "deferred join": the page's ids are picked by a narrow
    subquery (ids and the columns of the order only, which an index can answer alone,
    so OFFSET steps over index entries instead of whole rows), and only those rows
    are read, with their select_related, prefetches and order, in the same one query:
    `WHERE id IN (SELECT id ... ORDER BY ... LIMIT 20 OFFSET 19980)`. The number of
    queries is Django's (the count, the page, its prefetches).

    Lists that are not querysets of model instances (a list, ids from values_list:
    narrow already), DISTINCT or grouped ones (their order columns would join the
    subquery's select) and unordered ones are sliced as Django does.
    """

    @cached_property
    def count(self):
        """
        Counting every row a filter matches is the dearest query of a list: the
        count is kept until the content changes (thinktank.cache.remember), one per
        query, so a page of a list costs its rows only. A filter that can match
        nothing (`none()`, an empty `__in`) counts none.
        """
        rows = self.object_list
        if not isinstance(rows, QuerySet):
            return super().count
        try:
            sql, params = rows.query.get_compiler(using=rows.db).as_sql()
        except EmptyResultSet:
            return 0
        return page_cache.remember("count", (rows.db, sql, params), rows.count)

    def validate_number(self, number):
        """Django's check, a `?page=` string read by page_number."""
        if isinstance(number, str):
            number = page_number(number)
        return super().validate_number(number)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self._slice(bottom, top), number, self)

    def _slice(self, bottom, top):
        rows = self.object_list
        if not (
            isinstance(rows, QuerySet)
            and issubclass(rows._iterable_class, ModelIterable)
            and rows.ordered
            and not rows.query.distinct
            and not rows.query.group_by
            and not rows.query.is_sliced
        ):
            return rows[bottom:top]
        page_ids = rows.prefetch_related(None).values("pk")[bottom:top]
        return rows.filter(pk__in=page_ids)


def page_or_404(object_list, per_page, number):
    """Page `number` (the raw `page` parameter, or None) of `object_list`, else Http404."""
    paginator = Paginator(object_list, per_page)
    try:
        return paginator.page(number or 1)
    except InvalidPage as error:
        raise Http404(f"No page {number!r}: {error}") from error
