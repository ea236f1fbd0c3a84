"""What search engines and link previews read about an expert: schema.org and OpenGraph."""

from django.conf import settings

from thinktank.renditions import rendition_urls


def photo_url(expert, request):
    """The absolute URL of the expert's largest square photo rendition (JPEG or PNG)."""
    if not expert.photo:
        return ""
    urls = rendition_urls(expert.photo)
    if not urls:
        return request.build_absolute_uri(expert.photo.url)
    _webp, *fallback = urls.values()
    candidates = fallback[0] if fallback else _webp
    url, _width = max(candidates, key=lambda candidate: candidate[1])
    return request.build_absolute_uri(url)


def person_json_ld(expert, request):
    """A schema.org Person for the profile, in the page's language."""
    translated = expert.translated
    organization = {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri("/"),
    }
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": translated.name,
        "url": request.build_absolute_uri(expert.get_absolute_url()),
        "worksFor": organization,
        "affiliation": organization,
    }
    if translated.role:
        data["jobTitle"] = translated.role
    if translated.short_bio:
        data["description"] = translated.short_bio
    if expert.program is not None:
        data["memberOf"] = {
            "@type": "Organization",
            "name": expert.program.translated.name,
            "url": request.build_absolute_uri(expert.program.get_absolute_url()),
        }
    image = photo_url(expert, request)
    if image:
        data["image"] = image
    if expert.email:
        data["email"] = f"mailto:{expert.email}"
    links = [link.url for link in expert.links.all()]
    if links:
        data["sameAs"] = links
    if expert.topics.all() or expert.regions.all():
        data["knowsAbout"] = [
            item.translated.name for item in [*expert.topics.all(), *expert.regions.all()]
        ]
    return data
