"""{% responsive_image %}: an image as a <picture> of its renditions; no file, no query."""

from django import template
from django.utils.html import format_html, format_html_join

from thinktank.renditions import rendition_urls, stored_dimensions

register = template.Library()


@register.simple_tag
def responsive_image(fieldfile, width=None, height=None, alt="", *, sizes=None, **attributes):
    """A <picture> (WebP source, fallback <img>) for `fieldfile`; `width`/`height` default
    to the stored size, `sizes` to `width`px; other keywords go on the <img>. Without a
    stored width, a plain <img> of the original."""
    if not fieldfile:
        return ""
    urls = rendition_urls(fieldfile)
    if width is None and height is None:
        width, height = stored_dimensions(fieldfile)
    image_attributes = {"width": width, "height": height, "alt": alt or "", **attributes}
    if not urls:
        return format_html("<img{}>", _attributes({"src": fieldfile.url, **image_attributes}))
    if not sizes:
        sizes = f"{width}px" if width else "100vw"
    (webp, webp_candidates), (_fallback, fallback_candidates) = urls.items()
    img = {
        "src": _fallback_src(fallback_candidates, width),
        "srcset": _srcset(fallback_candidates),
        "sizes": sizes,
        **image_attributes,
    }
    source = {"type": webp, "srcset": _srcset(webp_candidates), "sizes": sizes}
    return format_html(
        "<picture><source{}><img{}></picture>", _attributes(source), _attributes(img)
    )


def _attributes(attributes):
    pairs = ((name, value) for name, value in attributes.items() if value is not None)
    return format_html_join("", ' {}="{}"', pairs)


def _srcset(candidates):
    return ", ".join(f"{url} {width}w" for url, width in candidates)


def _fallback_src(candidates, width):
    """For a browser that ignores srcset: the smallest rendition at least `width` wide."""
    for url, candidate_width in candidates:
        if width and candidate_width >= int(width):
            return url
    return candidates[-1][0]
