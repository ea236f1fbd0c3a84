"""What search engines and link previews read about an expert: schema.org and OpenGraph."""

from django.conf import settings

from thinktank.metadata import absolute_image_url


def photo_url(expert, request):
    """The absolute URL of the expert's largest square photo rendition (JPEG or PNG)."""
    return absolute_image_url(expert.photo, request)


def organization(request):
    """The institute, as a schema.org Organization (employer, publisher, organizer)."""
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri("/"),
    }


def person_reference(expert, request):
    """An expert as another page names them: name, and profile address if any; no query."""
    data = {"@type": "Person", "name": expert.translated.name}
    if expert.has_profile:
        data["url"] = request.build_absolute_uri(expert.get_absolute_url())
    return data


def person_json_ld(expert, request):
    """A schema.org Person for the profile, in the page's language."""
    translated = expert.translated
    institute = organization(request)
    data = {
        "@context": "https://schema.org",
        **person_reference(expert, request),
        "worksFor": institute,
        "affiliation": institute,
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
