"""What the site's page cache (thinktank.cache) must know of experts: what their writes
change, and what the lists of experts show."""

from django.apps import apps

from experts.models import Expert
from thinktank import cache_purges
from thinktank.cache import depends_on, key

_tables = set()  # the tables an expert's writes go to (register())

# Which experts the lists of experts hold, in which order and under which names (the
# directory, a program's experts, a topic's or region's top experts, the "Expert"
# filter's options): purged when an expert enters, leaves or moves in them (_listed).
LISTED_EXPERTS = key("experts", "listed")

# The list of programs shows programs only, whose writes no tracker answers for: it is
# purged by a purge of everything, never by a keyed one.
PROGRAMS = key("programs", "listed")

# What places an expert in lists of experts, besides their card ("expert:<pk>").
_LISTED_FIELDS = ("name", "slug", "sort_name", "kind", "is_active", "program_id", "position")


def _listed(pk):
    """What places the expert `pk` in lists of experts and names them in options: their
    names in every language, profile, program, order, topics and regions; None when
    there is no such expert."""
    row = Expert.objects.filter(pk=pk).values_list(*_LISTED_FIELDS, "translations").first()
    if row is None:
        return None
    *fields, translations = row
    names = sorted(
        (language, values.get("name", ""), values.get("sort_name", ""))
        for language, values in (translations or {}).items()
        if isinstance(values, dict)
    )
    topics = Expert.topics.through.objects.filter(expert_id=pk).values_list("topic_id")
    regions = Expert.regions.through.objects.filter(expert_id=pk).values_list("region_id")
    return (*fields, tuple(names), frozenset(topics), frozenset(regions))


class ExpertChange:
    """The writes of one expert (cache_purges.track): every page that names the expert
    (bylines, cards, "About the authors", links to them, their profile), and when they
    entered, left or moved in lists of experts, those lists (LISTED_EXPERTS)."""

    def __init__(self, expert):
        self.expert = expert
        self.tables = _tables
        self.before = _listed(expert.pk) if expert.pk else None

    def changed(self):
        pk = self.expert.pk
        if not pk:
            return set()
        keys = {key("expert", pk)}
        if _listed(pk) != self.before:
            keys.add(LISTED_EXPERTS)
        return keys


changing_expert = cache_purges.changing(ExpertChange)


def listed_experts_shown(experts=()):
    """Tell the page cache that the page lists experts (LISTED_EXPERTS), and shows the
    cards of `experts`."""
    depends_on(LISTED_EXPERTS, *(key("expert", expert.pk) for expert in experts))


def programs_shown():
    """Tell the page cache that the page lists the programs (PROGRAMS)."""
    depends_on(PROGRAMS)


def register(page_cache):
    # An expert's name, photo or program shows on profiles, bylines and lists.
    experts = list(apps.get_app_config("experts").get_models(include_auto_created=True))
    page_cache.watch(*experts)
    _tables.update(model._meta.db_table for model in experts if model.__name__ != "Program")
