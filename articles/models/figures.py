"""Which library images an article's body shows (kept in step with the body by
articles.services): the image library's usage, and what stops an image in use from
being deleted."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from library.models import Image

from .article import Article


class ArticleImage(models.Model):
    """An image one of the article's figures shows. PROTECT: an image in use is not
    deleted, whatever deletes it (library.services.image_delete says by whom)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="figure_images")
    image = models.ForeignKey(
        Image, verbose_name=_("image"), on_delete=models.PROTECT, related_name="figure_uses"
    )

    class Meta:
        verbose_name = _("image in the body")
        verbose_name_plural = _("images in the body")
        constraints = [
            models.UniqueConstraint(fields=["article", "image"], name="article_image_once"),
        ]

    def __str__(self):
        article = self.article
        return _("%(title)s (%(language)s, %(status)s)") % {
            "title": article.title,
            "language": article.language,
            "status": article.display_status.label,
        }
