"""
Optimistic concurrency: a save never silently overwrites someone else's.

A VersionedModel carries a version number. Every save of an existing row compares
the version it was loaded with inside the UPDATE itself (`... WHERE id = %s AND
version = %s`) and bumps it, so two editors who opened the same row cannot both
save: the second UPDATE matches no row and the save raises ConcurrentEditError.
There is no read-then-write window and no lock to go stale.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConcurrentEditError(Exception):
    """The row changed since this copy of it was loaded."""

    def __init__(self, instance):
        self.instance = instance
        super().__init__(
            f"{type(instance).__name__} {instance.pk} was changed by someone else "
            f"since version {instance.version} was loaded."
        )


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, update_fields=None, **kwargs):
        if self._state.adding:
            self._expected_version = None
            return super().save(*args, update_fields=update_fields, **kwargs)
        expected = self.version
        self._expected_version = expected
        self.version = expected + 1
        if update_fields is not None:
            update_fields = {*update_fields, "version"}
        try:
            super().save(*args, update_fields=update_fields, **kwargs)
        except BaseException:
            self.version = expected
            raise
        finally:
            self._expected_version = None

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        expected = getattr(self, "_expected_version", None)
        if expected is None:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        updated = super()._do_update(
            base_qs.filter(version=expected), using, pk_val, values, update_fields, forced_update
        )
        if not updated and base_qs.filter(pk=pk_val).exists():
            self.version = expected
            raise ConcurrentEditError(self)
        return updated
