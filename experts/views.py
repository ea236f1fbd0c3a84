"""Public expert profiles."""

from django.core.paginator import Paginator
from django.utils.translation import get_language
from django.views.generic import DetailView

from experts.models import Expert

PAGE_SIZE = 20


class ExpertDetailView(DetailView):
    template_name = "experts/expert_detail.html"
    context_object_name = "expert"

    def get_queryset(self):
        return Expert.objects.with_profile().select_related("program")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The reverse relation carries the articles' own query vocabulary, so this
        # app never repeats (or imports) the rule of what is published.
        publications = self.object.articles.published().for_listing().language_first(get_language())
        page = Paginator(publications, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(page_obj=page, publications=page.object_list)
        return context
