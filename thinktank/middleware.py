"""URL shape: public pages have no trailing slash, as on the reference site."""

from django.http import HttpResponsePermanentRedirect
from django.urls import is_valid_path


class RemoveTrailingSlashMiddleware:
    """APPEND_SLASH's mirror: a 404 at "x/", an address no pattern matches, where "x" is
    a page, answers 301 to "x". A 404 a view gave at an address it answers (the admin's
    addresses end with a slash) stays a 404: stripping it would bounce with APPEND_SLASH."""

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
        if is_valid_path(path, urlconf) or not stripped or not is_valid_path(stripped, urlconf):
            return response
        target = request.path.rstrip("/")
        query = request.META.get("QUERY_STRING", "")
        if query:
            target = f"{target}?{query}"
        return HttpResponsePermanentRedirect(target)
