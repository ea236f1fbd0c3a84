"""Every write of the image library: permission checked, atomic. An image used by an
article's body is not deleted (see docs/images.md)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.text import Truncator
from django.utils.translation import ngettext

from library.models import Image
from library.permissions import ADD_IMAGE, CHANGE_IMAGE, DELETE_IMAGE
from thinktank.permissions import require
from thinktank.renditions import ensure_renditions


class ImageInUse(PermissionDenied):
    """The image shows in an article's body: deleting it would leave a hole there."""

    def __init__(self, image, users):
        self.users = users
        names = "; ".join(f"“{Truncator(name).chars(80)}”" for name in users)
        super().__init__(
            ngettext(
                "“%(image)s” is not deleted: it is used by %(count)d article: %(names)s. "
                "Remove it from that article's body first.",
                "“%(image)s” is not deleted: it is used by %(count)d articles: %(names)s. "
                "Remove it from their bodies first.",
                len(users),
            )
            % {"image": image, "count": len(users), "names": names}
        )


@transaction.atomic
def image_save(image, *, user):
    """Save a new or changed image and make its renditions. A new file keeps the
    image's id (so every body showing it shows the new one); its old file and
    renditions are left in storage for pages already in readers' hands."""
    require(user, CHANGE_IMAGE if image.pk else ADD_IMAGE)
    if image.pk is None and image.created_by_id is None and user.is_authenticated:
        image.created_by = user
    uploaded = not getattr(image.file, "_committed", True)  # a new file in this save
    image.save()
    ensure_renditions(image.file, replace=uploaded)  # sizes for pages, made now
    return image


@transaction.atomic
def image_create(*, user, file, title, alt_text, **fields):
    """A new library image from an upload (the editor's chooser, an import): checked
    (ValidationError with the reason), stored without metadata, its renditions made."""
    require(user, ADD_IMAGE)
    image = Image(file=file, title=title, alt_text=alt_text, **fields)
    image.full_clean()
    return image_save(image, user=user)


@transaction.atomic
def image_delete(image, *, user):
    """Delete an image no article uses; ImageInUse names those that do."""
    require(user, DELETE_IMAGE)
    try:
        image.delete()
    except ProtectedError as error:
        users = sorted({str(row) for row in error.protected_objects})
        raise ImageInUse(image, users) from None


@transaction.atomic
def image_set_tags(image, names, *, user):
    require(user, CHANGE_IMAGE)
    image.tags.set(names)
    return image


def may_use_images(user):
    """Whether `user` may pick library images for a body (editors and contributors)."""
    return user.has_perm(ADD_IMAGE) or user.has_perm(CHANGE_IMAGE)
