"""URL shape: public pages have no trailing slash, as on the reference site."""

from django.http import HttpResponsePermanentRedirect
from django.urls import is_valid_path


class RemoveTrailingSlashMiddleware:
    """
    The mirror image of Django's APPEND_SLASH: when a path ending in "/" finds
    nothing and the same path without the slash is a page, answer 301 to it.

    It acts only on a 404, so slash-style URLs that exist (the admin, a language's
    home page such as /ar/) are untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        path = request.path_info
        if not path.endswith("/") or path == "/":
            return response
        stripped = path.rstrip("/")
        urlconf = getattr(request, "urlconf", None)
        if not stripped or not is_valid_path(stripped, urlconf):
            return response
        target = request.path.rstrip("/")
        query = request.META.get("QUERY_STRING", "")
        if query:
            target = f"{target}?{query}"
        return HttpResponsePermanentRedirect(target)
