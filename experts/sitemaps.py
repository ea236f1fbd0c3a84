"""Sitemap sections of expert profiles, programs and their lists, in every language."""

from functools import cached_property

from django.urls import reverse

from experts import selectors
from thinktank.sitemaps import EveryLanguageSitemap


def latest(*moments):
    return max((moment for moment in moments if moment is not None), default=None)


class ExpertSitemap(EveryLanguageSitemap):
    def items(self):
        return selectors.experts_for_sitemap()

    def lastmod(self, expert):
        return latest(expert.updated_at, expert.last_work)


class ProgramSitemap(EveryLanguageSitemap):
    def items(self):
        return selectors.programs_for_sitemap()

    def lastmod(self, program):
        return latest(program.last_expert_change, program.last_work)


class DirectorySitemap(EveryLanguageSitemap):
    """
    The expert directory, which changes with its profiles, and the list of programs,
    whose rows keep no date (so it has no lastmod).
    """

    def items(self):
        return ["experts:directory", "experts:programs"]

    def location(self, name):
        return reverse(name)

    @cached_property
    def last_profile_change(self):
        return selectors.last_expert_change()

    def lastmod(self, name):
        return self.last_profile_change if name == "experts:directory" else None
