from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from thinktank import chrome, renditions


class ExpertsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "experts"
    verbose_name = _("Experts")

    def ready(self):
        # Pages showing experts are cached: their writes purge them.
        from experts import page_cache
        from thinktank import cache_purges

        page_cache.register(cache_purges)
        # An expert's photo is shown square, cropped around its focal point.
        renditions.register_square("experts.Expert.photo", "photo_focal_x", "photo_focal_y")
        # The sections the header links to.
        chrome.register_section(_("Experts"), "experts:directory", also_current=["experts:detail"])
        chrome.register_section(_("Programs"), "experts:programs", also_current=["experts:program"])
