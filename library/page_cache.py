"""What the site's page cache (thinktank.cache) must know of the image library."""

from django.apps import apps


def register(page_cache):
    # An image's file, alt text, caption or credit shows in every body that uses it.
    page_cache.watch(*apps.get_app_config("library").get_models(include_auto_created=True))
