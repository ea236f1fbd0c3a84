"""The search page: published work matching what the reader typed, best first."""

from django.utils.translation import get_language
from django.views.generic import ListView

from articles import list_cache, selectors
from articles.search import listed_in_order
from articles.search.forms import ArticleSearchForm
from articles.search.paging import MatchesPaginator
from articles.search.snippets import highlight
from articles.views.pages import PAGE_SIZE
from thinktank.pagination import PageParameterMixin


class SearchView(PageParameterMixin, ListView):
    """
    /search?q=...: matches in the page's language unless the URL asks for another (or
    all), with the listing's filters; each result with its matches marked.
    """

    template_name = "articles/article_search.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    paginator_class = MatchesPaginator

    def get_queryset(self):
        self.form = ArticleSearchForm(self.request.GET or None, language=get_language())
        self.list_keys = list_cache.search_shows(self.form.filters()["language"])
        return selectors.search_results(self.form)

    def paginate_queryset(self, queryset, page_size):
        # The matches are ranked, counted and paged as ids in one query (the sort then
        # moves narrow rows, not whole articles), then the page's twenty are read, with
        # what their cards show. A page that does not exist is a 404, the site's rule
        # (README, "Pagination").
        paginator, page, page_ids, is_paginated = super().paginate_queryset(queryset, page_size)
        rows = listed_in_order(list(page_ids))
        page.object_list = highlight(rows, self.form.highlight_words)
        list_cache.cards_shown(page.object_list)
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)
