"""RSS 2.0 and Atom feeds of the newest published work in the page's language, for the
site and per topic, region, expert and publication type (the scheme is in the README)."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles import list_cache, selectors
from articles.models import PublicationType, Region, Topic
from experts.models import Expert

FEED_SIZE = 50
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


class RssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with one <dc:creator> per author. Readers take RSS titles for HTML, so
    the plain-text titles and description are escaped once here (Atom's are text)."""

    def __init__(self, title, link, description, *args, **kwargs):
        super().__init__(escape(title), link, escape(description), *args, **kwargs)

    def add_item(self, title, link, description, *args, **kwargs):
        super().add_item(escape(title), link, description, *args, **kwargs)

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _url in item["authors"]:
            handler.addQuickElement("dc:creator", name)


class AtomFeed(feedgenerator.Atom1Feed):
    """Atom with one <author> per author, linking the profile where there is one."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if url:
                handler.addQuickElement("uri", url)
            handler.endElement("author")


FORMATS = {"rss": RssFeed, "atom": AtomFeed}


class ArticleFeed(Feed):
    """The site's latest work in the page's language. Subclasses narrow it to one thing."""

    def __init__(self, format, request):
        self.feed_type = FORMATS[format]
        # One feed object per request (as_view), so no request sees another's.
        self.request = request

    @classmethod
    def as_view(cls, format):
        """The view answering with this feed in `format` ("rss" or "atom")."""

        def view(request, *args, **kwargs):
            return cls(format, request)(request, *args, **kwargs)

        return view

    def title(self, obj):
        return _("%(site)s: latest work") % {"site": settings.SITE_NAME}

    def description(self, obj):
        return _("The latest work published by %(site)s.") % {"site": settings.SITE_NAME}

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        return reverse("articles:home")

    def author_name(self, obj):
        """The institute, for an Atom entry without a byline."""
        return settings.SITE_NAME

    def filters(self, obj):
        """The feed's filters of `selectors.published_work`."""
        return {"language": get_language()}

    def items(self, obj):
        filters = self.filters(obj)
        list_cache.list_shows(**filters)
        items = selectors.for_feed(selectors.published_work(**filters), FEED_SIZE)
        list_cache.cards_shown(items)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Read as HTML; the summary is plain text.
        return escape(item.summary)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        """A tag URI (RFC 4151) from the row, not the address: a new slug is no new item."""
        host = urlsplit(self.request.build_absolute_uri("/")).hostname  # no port in a tag
        return f"tag:{host},{item.created_at:%Y-%m-%d}:article:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item):
        return [topic.translated.name for topic in item.topics.all()]

    def item_extra_kwargs(self, item):
        authors = []
        for authorship in item.byline:
            expert = authorship.expert
            url = (
                self.request.build_absolute_uri(expert.get_absolute_url())
                if expert.has_profile
                else None
            )
            authors.append((expert.translated.name, url))
        return {"authors": authors}


class NamedThingFeed(ArticleFeed):
    """The feed of one topic, region, expert or publication type, found by its slug."""

    model = None

    def get_object(self, request, slug):
        return get_object_or_404(self.queryset(), slug=slug)

    def queryset(self):
        return self.model.objects.all()

    def title(self, obj):
        return _("%(site)s: %(name)s") % {"site": settings.SITE_NAME, "name": obj.translated.name}

    def description(self, obj):
        return _("The latest work on %(name)s from %(site)s.") % {
            "name": obj.translated.name,
            "site": settings.SITE_NAME,
        }

    def link(self, obj):
        return obj.get_absolute_url()


class TopicFeed(NamedThingFeed):
    model = Topic

    def filters(self, obj):
        return {"language": get_language(), "topic": obj}


class RegionFeed(NamedThingFeed):
    """A region's work includes the work on every region nested under it, as its page."""

    model = Region

    def filters(self, obj):
        return {"language": get_language(), "region": obj}


class ExpertFeed(NamedThingFeed):
    model = Expert

    def queryset(self):
        return Expert.objects.with_profile()

    def description(self, obj):
        return _("The latest work by %(name)s.") % {"name": obj.translated.name}

    def filters(self, obj):
        return {"language": get_language(), "author": obj}

    def items(self, obj):
        list_cache.expert_shows(obj)  # the feed is named after the expert
        return super().items(obj)


class PublicationTypeFeed(NamedThingFeed):
    """A publication type's page is the list of all work filtered by that type."""

    model = PublicationType

    def description(self, obj):
        return _("The latest %(name)s from %(site)s.") % {
            "name": obj.translated.name,
            "site": settings.SITE_NAME,
        }

    def link(self, obj):
        return f"{reverse('articles:list')}?{urlencode({'type': obj.slug})}"

    def filters(self, obj):
        return {"language": get_language(), "publication_type": obj}
