"""
The admin in each editor's language. Every public address without a language prefix is
in LANGUAGE_CODE (i18n_patterns with prefix_default_language=False), and the admin has
no prefix: Django's LocaleMiddleware would show it in English to everyone. Here the
admin follows the language the editor chose in its menu (Django's language cookie, set
by `set_language` and sent to the admin's addresses only), else their browser's.
"""

from django.urls import reverse
from django.utils import translation


class AdminLanguageMiddleware:
    """After LocaleMiddleware: under the admin's address, activate the editor's language
    (the language cookie, else Accept-Language, else LANGUAGE_CODE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(reverse("admin:index")):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
