"""Which pages an article's body links to (kept in step with the body by
articles.services.record_body_links): what finds the articles linking to unpublished
work in one query. See docs/internal-links.md."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .article import Article


class ArticleLink(models.Model):
    """One internal link of the body, `<a data-link="kind:id">`. The target is a kind and
    an id, not a foreign key: it may be an article, an expert, a topic or a region, and
    a deleted one stays recorded (it is a broken link to report, not a reason to refuse
    the deletion)."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("article")
        EXPERT = "expert", _("expert")
        TOPIC = "topic", _("topic")
        REGION = "region", _("region or country")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="body_links")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    target_id = models.PositiveBigIntegerField(_("target"))

    class Meta:
        verbose_name = _("link in the body")
        verbose_name_plural = _("links in the body")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "target_id"], name="article_link_once"
            ),
        ]
        # Who links to a target (a changed target's linking articles).
        indexes = [models.Index(fields=["kind", "target_id"], name="article_link_by_target")]

    def __str__(self):
        return f"{self.kind}:{self.target_id}"
