"""The sitemap section of the expert directory and the programs (profiles: articles/)."""

from functools import cached_property

from django.urls import reverse

from experts import selectors
from thinktank.sitemaps import EveryLanguageSitemap


class DirectorySitemap(EveryLanguageSitemap):
    """The directory (lastmod: its profiles') and the programs (no date kept)."""

    def items(self):
        return ["experts:directory", "experts:programs"]

    def location(self, name):
        return reverse(name)

    @cached_property
    def last_profile_change(self):
        return selectors.last_expert_change()

    def lastmod(self, name):
        return self.last_profile_change if name == "experts:directory" else None
