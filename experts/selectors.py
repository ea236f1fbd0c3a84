"""
Reads of experts and programs: the directory, a program's experts, the sitemap's.
The work a profile or a program page lists is read in articles/selectors.py.
"""

from django.db.models import Count, Max

from experts.models import Expert, Program
from taxonomy.models import Region, Topic
from thinktank.cache import depends_on, key, remember


def experts_for_directory(language, form):
    """
    The experts with a profile, as the directory lists them in `language` (sorted by
    sort name), narrowed by the valid filters of `form` (an ExpertFilterForm): a list.
    """
    return list(form.filter(Expert.objects.with_profile().for_directory(language)))


def expert_for_profile(slug):
    """The expert with a profile at `slug`, with what their page shows (program, topics,
    regions, links), or None; remembered by the page cache until they change (their
    topics', regions' and program's own writes purge everything)."""
    return remember("expert-profile", slug, lambda: _expert_at(slug))


def _expert_at(slug):
    expert = Expert.objects.with_profile().for_profile().filter(slug=slug).first()
    if expert is not None:
        depends_on(key("expert", expert.pk))
    return expert


def programs_for_listing():
    return Program.objects.for_listing()


def program_at(slug):
    """The program at `slug`, or None."""
    return Program.objects.filter(slug=slug).first()


def program_experts(program, language):
    """`program`'s current experts with a profile, as its page lists them in `language`."""
    return list(program.experts.with_profile().active().for_program_page(language))


def last_expert_change():
    return Expert.objects.with_profile().aggregate(last=Max("updated_at"))["last"]


def expertise_of(expert_ids, *, limit=8):
    """
    The topics and regions the experts `expert_ids` work on, those most of them share
    first, then by name: {"topics": [Topic, ...], "regions": [Region, ...]}, at most
    `limit` of each, in two queries.
    """
    shared = {"shared": Count("experts")}
    return {
        key: list(
            model.objects.filter(experts__in=expert_ids)
            .annotate(**shared)
            .order_by("-shared", "name")[:limit]
        )
        for key, model in (("topics", Topic), ("regions", Region))
    }
