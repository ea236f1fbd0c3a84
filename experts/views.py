"""The directory and the programs (a profile and a program page: articles/views/experts.py)."""

from itertools import groupby

from django.utils.translation import get_language
from django.views.generic import ListView, TemplateView

from experts import page_cache, selectors
from experts.filters import ExpertFilterForm
from thinktank.text import initial


class ExpertDirectoryView(TemplateView):
    """Experts with a profile, filtered, grouped by initial; former experts apart."""

    template_name = "experts/expert_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = get_language()
        form = ExpertFilterForm(self.request.GET or None)
        experts = selectors.experts_for_directory(language, form)
        page_cache.listed_experts_shown(experts)
        current = [expert for expert in experts if expert.is_active]
        former = [expert for expert in experts if not expert.is_active]
        groups = [
            (letter, list(members))
            for letter, members in groupby(
                current, key=lambda expert: initial(expert.sort_key_in(language))
            )
        ]
        context.update(
            form=form,
            groups=groups,
            former=former,
            total=len(current),
        )
        return context


class ProgramListView(ListView):
    template_name = "experts/program_list.html"
    context_object_name = "programs"

    def get_queryset(self):
        page_cache.programs_shown()
        return selectors.programs_for_listing()
