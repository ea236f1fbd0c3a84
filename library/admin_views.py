"""The body editor's figure tool talks to these admin views (JSON): search the
library, upload an image into it, and show one image by id. Wrapped by the admin
site (staff login, CSRF) in the image admin's URLs."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from library import selectors, services
from library.figures import translated_text
from thinktank.widgets import thumbnail


def image_json(image, language=None):
    """What the editor shows of an image: its title, alt text and caption in
    `language` (the article's), credit, size and a thumbnail's address."""
    language = language or get_language()
    preview = thumbnail(image.file) if image.file else None
    url, width, height = preview or (
        image.file.url if image.file else "",
        image.width,
        image.height,
    )
    return {
        "id": image.pk,
        "title": translated_text(image, "title", language)[0],
        "alt": translated_text(image, "alt_text", language)[0],
        "caption": translated_text(image, "caption", language)[0],
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "thumbnail": {"url": url, "width": width, "height": height},
    }


def _may_use(request):
    if not services.may_use_images(request.user):
        raise PermissionDenied


@require_GET
def chooser_search(request):
    """The newest images matching ?q= (all of them without), at most a screenful."""
    _may_use(request)
    language = request.GET.get("language") or None
    images = selectors.matching_images(request.GET.get("q", "")[:200])
    return JsonResponse({"results": [image_json(image, language) for image in images]})


@require_GET
def image_preview(request, pk):
    """One image by id, as the editor shows a figure of it (404 if it is gone)."""
    _may_use(request)
    image = selectors.images_by_id([pk]).get(pk)
    if image is None:
        return JsonResponse(
            {"errors": {"image": [_("This image is no longer in the library.")]}}, status=404
        )
    return JsonResponse(image_json(image, request.GET.get("language") or None))


@require_POST
def chooser_upload(request):
    """A new library image from the chooser's form: 201 with the image, or 400 with
    each field's messages."""
    try:
        image = services.image_create(
            user=request.user,
            file=request.FILES.get("file"),
            title=request.POST.get("title", "").strip(),
            alt_text=request.POST.get("alt_text", "").strip(),
            caption=request.POST.get("caption", "").strip(),
            credit=request.POST.get("credit", "").strip(),
        )
    except ValidationError as error:
        errors = error.message_dict if hasattr(error, "error_dict") else {"file": error.messages}
        return JsonResponse({"errors": errors}, status=400)
    return JsonResponse(image_json(image, request.POST.get("language") or None), status=201)
