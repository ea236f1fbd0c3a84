"""Admin widgets shared by the apps: the focal-point picker of square images
(static/js/focal-point.js; without JavaScript, two number inputs)."""

from django.contrib.admin.widgets import AdminFileWidget
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from thinktank.admin_site import ADMIN_STYLESHEETS
from thinktank.renditions import SQUARE_FIELDS, field_key, preview_rendition, stored_dimensions


def focal_point_fields(db_field):
    """The names of the fields holding `db_field`'s focal point, or None (no focal point)."""
    return SQUARE_FIELDS.get(field_key(db_field))


def is_focal_point_field(db_field):
    """Whether `db_field` holds half of an image's focal point."""
    model = field_key(db_field).rpartition(".")[0]
    return any(
        key.rpartition(".")[0] == model and db_field.name in names
        for key, names in SQUARE_FIELDS.items()
    )


def thumbnail(fieldfile):
    """(url, width, height) of the uncropped preview of a stored image, or None."""
    width, height = stored_dimensions(fieldfile)
    rendition = preview_rendition(fieldfile.name, width) if width else None
    if rendition is None:
        return None
    height = max(1, round(height * rendition.width / width)) if height else None
    return fieldfile.storage.url(rendition.name), rendition.width, height


class FocalPointImageWidget(AdminFileWidget):
    """An image upload with a thumbnail of the stored image to click the focal point on."""

    class Media:
        js = ["js/focal-point.js"]
        css = {"all": ADMIN_STYLESHEETS}

    # What the click sets, said under the thumbnail (a model's admin may say it its way).
    help_text = _(
        "Click on the face in the photo to set the focal point (or type it below): "
        "square crops of the photo are centred on it."
    )

    def __init__(self, focal_fields, attrs=None, help_text=None):
        self.focal_fields = tuple(focal_fields)  # (across, down)
        if help_text is not None:
            self.help_text = help_text
        super().__init__(attrs)

    def sibling_name(self, name, field_name):
        """The input name of `field_name` in the same form (and prefix) as `name`."""
        prefix, dash, _own = name.rpartition("-")
        return f"{prefix}{dash}{field_name}"

    def render(self, name, value, attrs=None, renderer=None):
        upload = super().render(name, value, attrs, renderer)
        across, down = (self.sibling_name(name, field) for field in self.focal_fields)
        stored = thumbnail(value) if self.is_initial(value) else None
        url, width, height = stored or ("", None, None)
        # The image's own coordinates run left to right whatever the page's direction.
        image = format_html(
            '<img class="focal-point__image" alt="{}"{}{}{}>',
            _("The current photo"),
            format_html(' src="{}"', url) if url else "",
            format_html(' width="{}" height="{}"', width, height) if height else "",
            "" if url else " hidden",
        )
        return format_html(
            '<div class="focal-point-widget">'
            '<div class="focal-point" dir="ltr" data-focal-x="{}" data-focal-y="{}">'
            '{}<span class="focal-point__marker" hidden></span></div>'
            '<div class="help focal-point__help">{}</div>{}</div>',
            across,
            down,
            image,
            self.help_text,
            upload,
        )


class FocalPointAdminMixin:
    """Square image fields get FocalPointImageWidget; put the focal fields in fieldsets."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        focal_fields = focal_point_fields(db_field)
        if focal_fields:
            kwargs.setdefault("widget", FocalPointImageWidget(focal_fields))
        elif is_focal_point_field(db_field):
            kwargs.setdefault("min_value", 0)
            kwargs.setdefault("max_value", 100)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
