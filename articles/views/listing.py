"""The lists of published work: everything, filtered (/policy-analysis), and events."""

from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.views.generic import ListView

from articles import ical, list_cache, selectors
from articles.filters import ArticleFilterForm
from articles.views.pages import PAGE_SIZE
from thinktank.pagination import PageParameterMixin


class ArticleListView(PageParameterMixin, ListView):
    """All published work in the page's language, newest first, filtered by the URL."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.form = ArticleFilterForm(self.request.GET or None, language=get_language())
        filters = self.form.filters()
        self.list_keys = list_cache.listing_shows(filters)
        return selectors.published_work(**filters)

    def get_context_data(self, **kwargs):
        # The page's articles stay a queryset: articles.cards reads the rows of only
        # the cards not kept.
        return super().get_context_data(form=self.form, **kwargs)


class EventListView(PageParameterMixin, ListView):
    """Upcoming events, soonest first, then past events, the latest first, paginated."""

    template_name = "articles/event_list.html"
    context_object_name = "past_events"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.list_keys = list_cache.list_shows(language=get_language())
        return selectors.past_events(get_language())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Upcoming events head the first page; the later pages go further back.
        upcoming = []
        if context["page_obj"].number == 1:
            upcoming = selectors.with_bylines(selectors.upcoming_events(get_language()))
        context["upcoming_events"] = upcoming
        list_cache.cards_shown([*upcoming, *context["past_events"]])
        return context


def event_calendar(request, slug):
    """An event as an iCalendar file (RFC 5545) that calendar programs import."""
    event = selectors.event_for_calendar(slug)
    if event is None:
        raise Http404("No published event at this address.")
    response = HttpResponse(
        ical.event_calendar(event, request.build_absolute_uri(event.get_absolute_url())),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
