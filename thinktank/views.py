"""Site-wide views: the error pages, robots.txt."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

# Staff pages and previews are never for search engines (previews also say noindex).
ROBOTS_DISALLOW = ["/admin/", "/preview/"]


def search_paths():
    """The search page in every language: endless result pages, each also noindex."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("articles:search"))
    return paths


def page_not_found(request, exception):
    # The page exists in no language: the switcher offers each language's home page.
    return render(request, "404.html", {"alternates": {}}, status=404)


@require_safe
def robots_txt(request):
    """Crawl everything public; the sitemap index is named by its absolute address."""
    disallowed = [*ROBOTS_DISALLOW, *search_paths()]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
