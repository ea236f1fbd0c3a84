"""
The slug proposal (thinktank.slug_proposal) for articles, topics and regions, which
share the address space under /policy-analysis/ (articles.slugs): a proposed slug is
free there; and a topic's or region's rename says that its old address redirects.
"""

from django.conf import settings
from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.models import Article
from articles.slugs import slug_owner
from thinktank.slug_proposal import SlugProposalAdminMixin


class ArticleSlugProposalMixin(SlugProposalAdminMixin):
    """An article's slug, from its title, free in its language."""

    slug_source = "title"
    slug_language_field = "language"

    def slug_is_taken(self, slug, *, language=""):
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        return slug_owner(slug, article_model=Article, language=language) is not None


class TaxonomySlugProposalMixin(SlugProposalAdminMixin):
    """A topic's or region's slug, free among topics, regions and articles in every
    language; a rename keeps the old address as a redirect
    (taxonomy_services.topic_or_region_save)."""

    def slug_is_taken(self, slug, *, language=""):
        return slug_owner(slug, article_model=Article) is not None

    def old_address(self, obj):
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        old_slug = form.initial.get("slug")
        if change and old_slug and old_slug != obj.slug:
            old = reverse(settings.TAXONOMY_PAGE_URL_NAME, kwargs={"slug": old_slug})
            self.message_user(
                request,
                _("The old address %(old)s now redirects to %(new)s.")
                % {"old": old, "new": obj.get_absolute_url()},
                messages.INFO,
            )
