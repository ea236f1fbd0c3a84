"""
One rule for every paginated page: `?page=N` for N from 1 to the last page shows that
page; any other value (0, -1, abc, 1.5, past the end) is a page that does not exist and
answers 404, as Django's ListView does for the pages built on it. No parameter is the
first page, and an empty list still has its (empty) first page.
"""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def page_or_404(object_list, per_page, number):
    """Page `number` (the raw `page` parameter, or None) of `object_list`, else Http404."""
    paginator = Paginator(object_list, per_page)
    try:
        return paginator.page(number or 1)
    except InvalidPage as error:
        raise Http404(f"No page {number!r}: {error}") from error
