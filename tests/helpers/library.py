"""Library images for the tests, and bodies with figures of them."""

from django.core.files.uploadedfile import SimpleUploadedFile

from library.models import Image
from tests.helpers.factories import png_bytes, unique
from thinktank.renditions import make_renditions


def make_image(title=None, *, size=(800, 500), renditions=True, **fields):
    """A library image (a real PNG of `size`), saved through the ORM, with its
    renditions made unless `renditions=False`."""
    title = title or unique("Chart")
    fields.setdefault("alt_text", f"Alt text of {title}")
    image = Image(title=title, **fields)
    image.file = SimpleUploadedFile("chart.png", png_bytes(size), content_type="image/png")
    image.save()
    if renditions:
        make_renditions(image.file)
    return image


def figure(image, size="full", caption=""):
    """The stored HTML of a figure showing `image` (an Image or an id), with `caption`
    (inline HTML) as its figcaption."""
    image_id = int(getattr(image, "pk", image))
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure data-image="{image_id}" data-size="{size}">{figcaption}</figure>'


def body_with_figures(images, *, words=30):
    """A body with a paragraph of `words` words before each figure of `images`."""
    text = " ".join(["word"] * words)
    return "".join(f"<p>{text}</p>{figure(image)}" for image in images)
