from functools import partial

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from taxonomy.slugs import register_slug_check
from thinktank import cache_purges, chrome


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        # Topics and regions share the /policy-analysis/ slugs with articles.
        # Imported here, not at the top: it imports the models, not loaded before ready().
        from articles import slugs

        article_model = self.get_model("Article")
        register_slug_check(partial(slugs.validate_slug_is_free, article_model=article_model))
        # The search index follows every write of what it holds (articles.search).
        # Imported here, not at the top: it imports the models, not loaded before ready().
        from articles.search import signals

        signals.connect()
        # Pages showing articles are cached: their writes and schedules purge them; and
        # kept PDF editions follow the library images they show. Bodies link to the
        # kinds articles.links resolves (the sanitizer keeps those).
        # Imported here, not at the top: they import the models, not loaded before ready().
        from articles import links, page_cache, pdf_edition

        links.register()
        page_cache.register(cache_purges)
        post_save.connect(
            pdf_edition.library_image_changed,
            sender="library.Image",
            dispatch_uid="articles.pdf_edition.library_image_changed",
        )
        # ...and the targets their bodies link to (an address, a public state).
        for kind in links.KINDS:
            model = links.MODELS[kind]
            for signal in (post_save, post_delete):
                signal.connect(
                    pdf_edition.link_target_changed,
                    sender=model,
                    dispatch_uid=f"articles.pdf_edition.link_target_changed.{kind}",
                )
        # The section the header links to.
        chrome.register_section(_("Events"), "articles:events")
