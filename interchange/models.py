"""What an import remembers: which object each source record became (SourceKey), and
the addresses the records had on the old site (LegacyPath). See docs/import-format.md."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceKey(models.Model):
    """Record `source_id` of `kind` from `source` is the object `content_type`/`object_id`;
    `digest` is the hash of the record last written in full ("" while a reference of it
    waits for a record not yet seen), so an unchanged record is not written again."""

    source = models.CharField(_("source"), max_length=200)
    kind = models.CharField(_("kind"), max_length=40)
    source_id = models.CharField(_("source id"), max_length=200)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    digest = models.CharField(_("record hash"), max_length=64, blank=True)
    # What the importer keeps of the record beyond its hash (an image file's own hash).
    extra = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "source_id"], name="source_key_once_per_source"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="source_key_target")]

    def __str__(self):
        return f"{self.source} {self.kind}:{self.source_id}"


class LegacyPath(models.Model):
    """An address of the old site (`/2019/03/oil-and-water/`, `/?p=123`) that shows an
    imported object: it answers 301 to the object's current public address, found when
    asked, so a later change of slug keeps it working."""

    path = models.CharField(_("old address"), max_length=500, unique=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    source = models.CharField(_("source"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("old address of an imported page")
        verbose_name_plural = _("old addresses of imported pages")
        indexes = [models.Index(fields=["content_type", "object_id"], name="legacy_path_target")]

    def __str__(self):
        return self.path
