"""Site-wide views: the error pages."""

from django.shortcuts import render


def page_not_found(request, exception):
    # The page exists in no language: the switcher offers each language's home page.
    return render(request, "404.html", {"alternates": {}}, status=404)
