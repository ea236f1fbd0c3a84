"""What the site's page cache (thinktank.cache) must know of experts."""

from django.apps import apps

from thinktank import cache_purges
from thinktank.cache import key

_tables = set()  # the tables an expert's writes go to (register())


class ExpertChange:
    """The writes of one expert (cache_purges.track): every page that names the expert
    (bylines, "About the authors", links to them) and every page that names nothing
    (their profile, the directory, lists); a program's own pages name nothing."""

    def __init__(self, expert):
        self.expert = expert
        self.tables = _tables

    def changed(self):
        return {key("expert", self.expert.pk)} if self.expert.pk else set()


changing_expert = cache_purges.changing(ExpertChange)


def register(page_cache):
    # An expert's name, photo or program shows on profiles, bylines and lists.
    experts = list(apps.get_app_config("experts").get_models(include_auto_created=True))
    page_cache.watch(*experts)
    _tables.update(model._meta.db_table for model in experts if model.__name__ != "Program")
