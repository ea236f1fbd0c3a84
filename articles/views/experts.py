"""
An expert's profile and a program's page: each lists published work, so they live
with the work (the experts app stays below articles).
"""

from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from articles import list_cache, selectors
from experts import selectors as expert_selectors
from experts.structured_data import person_json_ld
from thinktank.metadata import share_image
from thinktank.pagination import page_or_404

PAGE_SIZE = 20


class ExpertDetailView(DetailView):
    template_name = "experts/expert_detail.html"
    context_object_name = "expert"

    def get_object(self, queryset=None):
        expert = expert_selectors.expert_for_profile(self.kwargs["slug"])
        if expert is None:
            raise Http404("No expert with a profile at this address.")
        return expert

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        expert, language = self.object, get_language()
        types = selectors.publication_types_of(expert)
        chosen_type = self.request.GET.get("type", "")
        chosen = None
        if chosen_type:
            # One of the types listed, else none: what the URL says never reaches a query
            # (PostgreSQL refuses a NUL byte in it, a 500).
            chosen = [kind for kind in types if kind.slug == chosen_type]
        work = list_cache.expert_shows(expert)
        # What the publications are names them: their queryset is built only for the
        # rows of cards not kept (articles.cards), or with the page cache off.
        chosen_pks = None if chosen is None else [kind.pk for kind in chosen]
        page = page_or_404(
            lambda: selectors.publications_of(expert, language=language, publication_types=chosen),
            PAGE_SIZE,
            self.request.GET.get("page"),
            keys=work,
            name=("expert-work", expert.pk, language, chosen_pks),
        )
        upcoming_events, past_events = selectors.events_of(expert)
        context.update(
            page_obj=page,
            publications=page.object_list,
            publication_types=types,
            chosen_type=chosen_type,
            upcoming_events=upcoming_events,
            past_events=past_events,
            json_ld=person_json_ld(expert, self.request),
            # A portrait is square: Twitter's small card.
            share_image=share_image(
                expert.photo,
                self.request,
                alt=_("Portrait of %(name)s") % {"name": expert.translated.name},
            ),
        )
        return context


class ProgramDetailView(DetailView):
    """A program: what it studies, its experts, and its latest publications."""

    template_name = "experts/program_detail.html"
    context_object_name = "program"

    def get_object(self, queryset=None):
        program = expert_selectors.program_at(self.kwargs["slug"])
        if program is None:
            raise Http404("No program at this address.")
        return program

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        program, language = self.object, get_language()
        experts = expert_selectors.program_experts(program, language)
        work = list_cache.program_shows(program, experts)
        page = page_or_404(
            lambda: selectors.program_publications(program, language=language),
            PAGE_SIZE,
            self.request.GET.get("page"),
            keys=work,
            name=("program-work", program.pk, language),
        )
        context.update(experts=experts, page_obj=page, publications=page.object_list)
        return context
