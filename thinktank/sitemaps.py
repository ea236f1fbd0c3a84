"""What every sitemap section of a page that exists in every language shares."""

from django.contrib.sitemaps import Sitemap


class EveryLanguageSitemap(Sitemap):
    """Pages at the same route under each language's prefix: one <url> per language,
    with every alternate and x-default."""

    i18n = True
    alternates = True
    x_default = True
