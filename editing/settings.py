"""The limits of autosaves and edit locks, each overridable in Django's settings."""

from django.conf import settings

# The largest form state kept, in bytes of its JSON (an article's body with its notes
# and figures is far below it).
AUTOSAVE_MAX_BYTES = getattr(settings, "AUTOSAVE_MAX_BYTES", 1_000_000)
# An autosave older than this (seconds) is deleted: the work was abandoned.
AUTOSAVE_MAX_AGE = getattr(settings, "AUTOSAVE_MAX_AGE", 30 * 24 * 3600)
# A lock without a heartbeat for this long (seconds) is gone; pages beat every
# EDIT_LOCK_HEARTBEAT seconds.
EDIT_LOCK_TIMEOUT = getattr(settings, "EDIT_LOCK_TIMEOUT", 120)
EDIT_LOCK_HEARTBEAT = getattr(settings, "EDIT_LOCK_HEARTBEAT", 30)
