"""Every write of an expert or a program: permission checked, atomic, version-checked,
kept as a revision. Experts are deactivated, never deleted: bylines keep them."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from experts import revisions
from experts.models import Expert, ExpertRevision, Program
from experts.page_cache import changing_expert
from experts.permissions import ADD_EXPERT, ADD_PROGRAM, CHANGE_EXPERT, CHANGE_PROGRAM
from thinktank.permissions import model_permission, require
from thinktank.renditions import ensure_renditions
from thinktank.revisions import revision_note


@transaction.atomic
@changing_expert
def expert_save(expert, *, user, record_revision=True):
    """Save `expert` and make their photo's renditions. A caller that saves relations
    afterwards passes record_revision=False, then calls expert_record_revision."""
    require(user, CHANGE_EXPERT if expert.pk else ADD_EXPERT)
    uploaded = not getattr(expert.photo, "_committed", True)  # a new file in this save
    expert.save()
    ensure_renditions(expert.photo, replace=uploaded)
    if record_revision:
        expert_record_revision(expert, user=user)
    return expert


@changing_expert
def expert_record_revision(expert, *, user, note=""):
    """Keep the profile as it is now as a new revision, and return it."""
    return ExpertRevision.objects.create(
        expert=expert,
        user=user if user is not None and user.is_authenticated else None,
        data=revisions.SCHEMA.snapshot(expert),
        note=note,
    )


@transaction.atomic
def expert_delete(expert, *, user):
    """Delete an expert with no bylines (experts are deactivated instead: superusers only)."""
    require(user, model_permission("delete", Expert))
    expert.delete()


def _set_active(expert, active, *, user, note):
    require(user, CHANGE_EXPERT)
    if expert.is_active == active:
        return expert
    expert.is_active = active
    expert.save(update_fields=["is_active", "updated_at"])  # version-checked
    expert_record_revision(expert, user=user, note=note)
    return expert


@transaction.atomic
@changing_expert
def expert_deactivate(expert, *, user):
    """A former expert: off the directory and program page, still on every byline."""
    return _set_active(expert, False, user=user, note=_("Deactivated (former expert)"))


@transaction.atomic
@changing_expert
def expert_reactivate(expert, *, user):
    return _set_active(expert, True, user=user, note=_("Reactivated"))


@transaction.atomic
@changing_expert
def expert_restore(expert, revision, *, user, note=""):
    """Make the profile what it was at `revision`, version-checked, as a new revision
    keeping `note` (the editor's why); raises PermissionDenied for another expert's
    revision."""
    require(user, CHANGE_EXPERT)
    if revision.expert_id != expert.pk:
        raise PermissionDenied(_("This revision belongs to another expert."))
    revisions.SCHEMA.apply_fields(expert, revision.data)
    # Its slug may have been taken since.
    expert.validate_unique()
    expert.save()
    revisions.SCHEMA.apply_relations(expert, revision.data)
    ensure_renditions(expert.photo)
    when = revision.created_at.strftime("%Y-%m-%d %H:%M")
    done = _("Restored the revision of %(when)s") % {"when": when}
    return expert_record_revision(expert, user=user, note=revision_note(done, note))


@transaction.atomic
def program_save(program, *, user):
    require(user, CHANGE_PROGRAM if program.pk else ADD_PROGRAM)
    program.save()
    return program


@transaction.atomic
def program_delete(program, *, user):
    """Delete a program; its experts stay, in no program."""
    require(user, model_permission("delete", Program))
    program.delete()
