"""One rule for `?page=` (1 to the last page, in any script's digits; else 404) and one
paginator that makes a deep page cost what the first does. See docs/pagination.md."""

from collections.abc import Sequence

from django.core.exceptions import EmptyResultSet
from django.core.paginator import InvalidPage
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from django.http import Http404
from django.utils.functional import cached_property

from thinktank import cache as page_cache
from thinktank import reading_time
from thinktank.page_numbers import page_number

EMPTY = "empty"  # a queryset that can hold no row (Paginator._name)


def in_order(rows, ids):
    """Of `rows` (model instances), those of `ids` in that order, None for one missing."""
    found = {row.pk: row for row in rows}
    return [found.get(pk) for pk in ids]


class KeptRows(Sequence):
    """A page's rows named by their ids in order (`page_ids`), as the page cache keeps
    them, read only when asked for: `load(ids)` reads some (articles.cards: those of
    the cards not kept), iterating reads them all. `rows`: a function returning the
    queryset they are of, unsliced."""

    def __init__(self, ids, rows):
        self.page_ids = list(ids)
        self._rows = rows

    def load(self, ids):
        """The rows of `ids` (some of page_ids) in their order, None for one no longer
        in the queryset: one query and its prefetches."""
        return in_order(self._rows().filter(pk__in=ids), ids)

    @cached_property
    def _loaded(self):
        return [row for row in self.load(self.page_ids) if row is not None]

    def __getitem__(self, index):
        return self._loaded[index]

    def __len__(self):
        return len(self._loaded)


class Paginator(DjangoPaginator):
    """Pages of a queryset by "deferred join" (`WHERE id IN (SELECT id ... OFFSET n)`),
    in Django's number of queries; other lists are sliced as Django does. `keys`: the
    dependency keys of which rows the list holds (thinktank.cache), which its kept count
    and, with the page cache on, its pages' kept ids depend on (none: ANY). A page of
    kept ids carries them as `page_ids`. `name`, if given, names the rows whenever they
    are read instead of their SQL, which is not then compiled: it must tell apart every
    list the view may page (what it is of, its filters and its order). A named list may
    be a function that returns its queryset: with the page cache on, it is called only
    when rows not kept are read, and a page is KeptRows."""

    def __init__(self, object_list, per_page, *args, keys=(), name=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.keys = tuple(keys)
        self.name = name
        if callable(object_list) and name is None:
            raise TypeError("Only a named list may be a function that returns its queryset.")

    @cached_property
    def rows(self):
        """The list paged: the queryset (or sequence) given, or what its function returns."""
        rows = self.object_list
        return rows() if callable(rows) else rows

    @cached_property
    def count(self):
        """The count, kept until the content changes (it is a list's dearest query)."""
        if self._name is None:  # not a queryset, so never a function
            return super().count
        if self._name is EMPTY:
            return 0
        return page_cache.remember("count", self._name, self._counted)

    @cached_property
    def _name(self):
        """What names the rows of a queryset whenever it is read (thinktank.reading_time),
        EMPTY for none; None for a list that is not a queryset."""
        if self.name is not None:
            return ("named", *self.name)
        rows = self.rows
        if not isinstance(rows, QuerySet):
            return None
        try:
            with reading_time.as_marker():
                sql, params = rows.query.get_compiler(using=rows.db).as_sql()
        except EmptyResultSet:
            return EMPTY
        return (rows.db, sql, params)

    def _counted(self):
        page_cache.depends_on(*self.keys)
        return self.rows.count()

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
        if self.name is not None and page_cache.is_on():
            # Its queryset is built only if rows not kept are read.
            return KeptRows(self._kept_ids(bottom, top), lambda: self.rows)
        rows = self.rows
        if not (
            isinstance(rows, QuerySet)
            and issubclass(rows._iterable_class, ModelIterable)
            and rows.ordered
            and not rows.query.distinct
            and not rows.query.group_by
            and not rows.query.is_sliced
        ):
            return rows[bottom:top]
        if not page_cache.is_on() or self._name is EMPTY:
            return rows.filter(pk__in=rows.prefetch_related(None).values("pk")[bottom:top])
        # Kept as the count is: a page miss of a list whose cards are kept then reads
        # the rows of only the cards not kept (articles.cards).
        ids = self._kept_ids(bottom, top)
        page = rows.filter(pk__in=ids)
        page.page_ids = ids  # its rows' ids, in order, as long as it is not filtered again
        return page

    def _kept_ids(self, bottom, top):
        """The ids of the rows from `bottom` to `top`, kept as the count is."""
        return page_cache.remember(
            "page-ids", (*self._name, bottom, top), lambda: self._ids(bottom, top)
        )

    def _ids(self, bottom, top):
        page_cache.depends_on(*self.keys)
        return list(self.rows.prefetch_related(None).values_list("pk", flat=True)[bottom:top])


class PageParameterMixin:
    """For a ListView: its `?page=` is read by page_number ("last" too, as Django's),
    its pages by Paginator."""

    paginator_class = Paginator
    list_keys = ()  # which rows the list holds: the dependency keys its count is kept with

    def get_paginator(self, queryset, per_page, *args, **kwargs):
        return super().get_paginator(queryset, per_page, *args, keys=self.list_keys, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        value = self.request.GET.get(self.page_kwarg)
        if value and value != "last" and page_number(value) is None:
            raise Http404(f"No page {value!r}")
        return super().paginate_queryset(queryset, page_size)


def page_or_404(object_list, per_page, number, keys=(), name=None):
    """Page `number` (the raw `page` parameter, or None) of `object_list` (which rows it
    holds: `keys`; what names them: `name`, as Paginator's), else Http404."""
    paginator = Paginator(object_list, per_page, keys=keys, name=name)
    try:
        return paginator.page(number or 1)
    except InvalidPage as error:
        raise Http404(f"No page {number!r}: {error}") from error
