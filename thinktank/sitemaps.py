"""What every sitemap section of a page that exists in every language shares."""

from django.contrib.sitemaps import Sitemap


class EveryLanguageSitemap(Sitemap):
    """
    Pages at the same route under each language's prefix (a topic, an expert, a
    list): Django writes one <url> per language, each naming every language's
    version and x-default (the default language's), as the pages' hreflang links do.
    """

    i18n = True
    alternates = True
    x_default = True
