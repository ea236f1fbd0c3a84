"""Features: the work editors put at the top of the home page and of a topic's or region's page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Region, Topic

from .article import Article
from .publishing import published_condition


class FeatureQuerySet(models.QuerySet):
    def on_home(self):
        return self.filter(topic__isnull=True, region__isnull=True)

    def on(self, topic_or_region):
        """The features of a topic or a region page."""
        field = "topic" if isinstance(topic_or_region, Topic) else "region"
        return self.filter(**{field: topic_or_region})

    def articles(self, language):
        """The featured articles readers may see in `language`, in the editors' order."""
        features = (
            self.filter(published_condition("article__"), article__language=language)
            .select_related("article__publication_type")
            .order_by("position", "pk")
        )
        return [feature.article for feature in features]


class Feature(models.Model):
    """
    One featured article, in order: on a topic's page, a region's page, or, with
    neither set, the home page. Drafts and scheduled work are never shown, so an
    editor may feature a piece before it goes live.
    """

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="features",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region or country"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="features",
    )
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="features"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = FeatureQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("featured article")
        verbose_name_plural = _("featured articles")
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=True) | Q(region__isnull=True),
                name="feature_on_one_page",
            ),
        ]

    def __str__(self):
        return str(self.article)

    def clean(self):
        super().clean()
        if self.topic_id and self.region_id:
            raise ValidationError(_("Feature an article on a topic or on a region, not both."))


class HomeFeatureManager(models.Manager.from_queryset(FeatureQuerySet)):
    def get_queryset(self):
        return super().get_queryset().on_home()


class HomeFeature(Feature):
    """The features of the home page (neither topic nor region), with a list of their own
    in the admin: topic and region features are edited on their pages."""

    objects = HomeFeatureManager()

    class Meta:
        proxy = True
        ordering = ["position", "pk"]
        verbose_name = _("home page feature")
        verbose_name_plural = _("home page features")
