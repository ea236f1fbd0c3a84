"""Sitemap sections of published work and its pages. An article version is one <url>
whose alternates are its published versions, as its hreflang links say."""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles import sitemap_selectors
from articles.models import Article
from thinktank.languages import hreflang_alternates
from thinktank.sitemaps import EveryLanguageSitemap


class ArticleSitemap(Sitemap):
    events = False

    def items(self):
        return sitemap_selectors.articles_for_sitemap(events=self.events)

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # Django would read every item for this; one aggregate query does it.
        published = Article.objects.published()
        published = published.events() if self.events else published.excluding_events()
        return sitemap_selectors.last_article_change(published)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            versions = {
                version.language: origin + version.get_absolute_url()
                for version in url["item"].translation_set.published_versions
            }
            url["alternates"] = [
                {"lang_code": code, "location": location}
                for code, location in hreflang_alternates(versions)
            ]
        return urls


class EventSitemap(ArticleSitemap):
    events = True


class TopicSitemap(EveryLanguageSitemap):
    def items(self):
        return sitemap_selectors.topics_for_sitemap()

    def lastmod(self, topic):
        return topic.last_change


class RegionSitemap(EveryLanguageSitemap):
    def items(self):
        return sitemap_selectors.regions_for_sitemap()

    def lastmod(self, region):
        return region.last_change


class PageSitemap(EveryLanguageSitemap):
    """The home page and the lists of all work and of events: each changes with what it lists."""

    def items(self):
        return ["articles:home", "articles:list", "articles:events"]

    def location(self, name):
        return reverse(name)

    @cached_property
    def last_changes(self):
        published = Article.objects.published()
        work = sitemap_selectors.last_article_change(published)
        events = sitemap_selectors.last_article_change(published.events())
        return {"articles:home": work, "articles:list": work, "articles:events": events}

    def lastmod(self, name):
        return self.last_changes[name]


def latest(*moments):
    return max((moment for moment in moments if moment is not None), default=None)


class ExpertSitemap(EveryLanguageSitemap):
    def items(self):
        return sitemap_selectors.experts_for_sitemap()

    def lastmod(self, expert):
        return latest(expert.updated_at, expert.last_work)


class ProgramSitemap(EveryLanguageSitemap):
    def items(self):
        return sitemap_selectors.programs_for_sitemap()

    def lastmod(self, program):
        return latest(program.last_expert_change, program.last_work)
