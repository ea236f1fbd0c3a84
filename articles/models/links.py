"""
What joins an article to others: its authors in byline order, the editors' recommendations
shown beside it, and the addresses it had before. Each is a model of its own, not a plain
many-to-many, because each carries something of its own (a position, a language).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from experts.models import Expert
from thinktank.languages import configured_languages

from .article import Article
from .publishing import indexed_text_changed


class ArticleAuthorQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        """bulk_create() sends no signal: re-index the articles whose bylines it wrote."""
        created = super().bulk_create(objs, *args, **kwargs)
        indexed_text_changed.send(sender=Article, ids={link.article_id for link in created})
        return created


class ArticleAuthor(models.Model):
    """An author's place in an article's byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="authorships")
    expert = models.ForeignKey(
        Expert, verbose_name=_("author"), on_delete=models.PROTECT, related_name="authorships"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = ArticleAuthorQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(fields=["article", "expert"], name="author_once_per_article")
        ]
        # An expert's work from the index alone (their page, the sidebar's related work);
        # the topics' and regions' link tables have the same (migration 0017).
        indexes = [models.Index(fields=["expert", "article"], name="authorship_by_expert")]

    def __str__(self):
        return str(self.expert)


class Recommendation(models.Model):
    """An editor's recommendation shown in an article's "Recommended" sidebar, in order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="recommendations")
    recommended_article = models.ForeignKey(
        Article,
        verbose_name=_("recommended article"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "recommended_article"], name="recommend_once_per_article"
            ),
            models.CheckConstraint(
                condition=~Q(article=models.F("recommended_article")), name="no_self_recommendation"
            ),
        ]

    def __str__(self):
        return str(self.recommended_article)

    def clean(self):
        super().clean()
        if self.article_id and self.article_id == self.recommended_article_id:
            raise ValidationError({"recommended_article": _("An article cannot recommend itself.")})


class ArticleRedirect(models.Model):
    """An address an article had before its slug changed; it answers 301 to the article."""

    language = models.CharField(_("language"), max_length=10, choices=configured_languages)
    old_slug = models.SlugField(_("old slug"), max_length=255)
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="redirects"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [
            models.UniqueConstraint(fields=["language", "old_slug"], name="one_redirect_per_slug")
        ]

    def __str__(self):
        with translation.override(self.language):
            return reverse("articles:article-topic-or-region", kwargs={"slug": self.old_slug})
