"""Site-wide views: the error pages, robots.txt."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

# Staff pages and previews are never for search engines (previews also say noindex).
ROBOTS_DISALLOW = ["/admin/", "/preview/"]


def page_not_found(request, exception):
    # The page exists in no language: the switcher offers each language's home page.
    return render(request, "404.html", {"alternates": {}}, status=404)


@require_safe
def robots_txt(request):
    """Crawl everything public; the sitemap index is named by its absolute address."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
