"""The body editor's figure tool (static/js/figure-tool.js): its configuration for
django-prose-editor, with its addresses and its words in the admin's language. Offered
on article bodies only (articles.admin_forms). See docs/images.md."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

EXTENSION = "LibraryFigure"


def strings():
    """The tool's words, translated when the widget is rendered (lazy)."""
    return {
        "button": _("Insert a figure from the image library"),
        "dialogTitle": _("Insert a figure"),
        "editTitle": _("Change the figure"),
        "searchLabel": _("Search the library"),
        "search": _("Search"),
        "results": _("Images in the library"),
        "searching": _("Searching…"),
        "found": _("Images found: %(count)s. Choose one."),
        "none": _("No image found."),
        "failed": _("The library could not be searched. Try again."),
        "uploadTitle": _("Upload a new image"),
        "file": _("Image file"),
        "title": _("Title"),
        "alt": _("Alt text"),
        "altHelp": _(
            "What the image shows, for readers who cannot see it (a chart: its main finding)."
        ),
        "credit": _("Credit"),
        "upload": _("Upload and choose"),
        "uploading": _("Uploading…"),
        "uploaded": _("Uploaded: the new image is chosen."),
        "uploadFailed": _("The image was not uploaded."),
        "size": _("Size"),
        "full": _("Full width"),
        "inline": _("Inline, beside the text"),
        "caption": _("Caption"),
        "captionHelp": _("Leave empty to show the library's caption."),
        "insert": _("Insert"),
        "update": _("Update"),
        "cancel": _("Cancel"),
        "edit": _("Change…"),
        "missing": _("This image is no longer in the library: readers see nothing here."),
    }


def figure_tool(language=""):
    """The editor extension's configuration: `language` is the article's, in which the
    previews show alt text and captions."""
    return {
        EXTENSION: {
            "language": language or "",
            "urls": {
                "search": reverse_lazy("admin:library_image_chooser"),
                "upload": reverse_lazy("admin:library_image_upload"),
                "preview": reverse_lazy("admin:library_image_preview", args=[0]),
            },
            "strings": strings(),
        }
    }
