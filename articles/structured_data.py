"""An article's schema.org `Article` (policy work is neither news nor peer-reviewed
scholarship) or `Event`, as JSON-LD, from what the page fetched: no query."""

from django.utils import timezone

from experts.structured_data import organization, person_reference
from thinktank.metadata import absolute_image_url

SCHEMA = "https://schema.org"


def _topic_or_region(item, request):
    return {
        "@type": "Thing",
        "name": item.translated.name,
        "url": request.build_absolute_uri(item.get_absolute_url()),
    }


def article_json_ld(article, request, *, topics=(), regions=()):
    """The article's (or event's) schema.org data, in its own language."""
    if article.publication_type.is_event and article.event_start:
        return event_json_ld(article, request)
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": article.language,
        "articleSection": article.publication_type.translated.name,
        "dateModified": timezone.localtime(article.updated_at).isoformat(),
        "author": [person_reference(link.expert, request) for link in article.byline],
        "publisher": organization(request),
    }
    if article.published_at:  # a draft in preview has none yet
        data["datePublished"] = timezone.localtime(article.published_at).isoformat()
    if not data["author"]:
        data["author"] = [organization(request)]
    image = absolute_image_url(article.hero_image, request)
    if image:
        data["image"] = image
    if topics:
        data["about"] = [_topic_or_region(topic, request) for topic in topics]
    if regions:
        data["spatialCoverage"] = [
            {**_topic_or_region(region, request), "@type": "Place"} for region in regions
        ]
    return data


def event_json_ld(article, request):
    """An Event: times in its own zone, online and/or in a place, the byline performing."""
    url = request.build_absolute_uri(article.get_absolute_url())
    online = article.event_is_online
    place = article.event_location.strip()
    locations = []
    if place:
        locations.append({"@type": "Place", "name": place, "address": place})
    if online:
        locations.append({"@type": "VirtualLocation", "url": url})
    if online and place:
        mode = "MixedEventAttendanceMode"
    elif online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    start = article.event_start_local
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": article.title,
        "description": article.summary,
        "url": url,
        "inLanguage": article.language,
        "startDate": start.isoformat(),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/{mode}",
        "organizer": organization(request),
        "performer": [person_reference(link.expert, request) for link in article.byline],
    }
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if article.event_end:
        data["endDate"] = article.event_end.astimezone(start.tzinfo).isoformat()
    image = absolute_image_url(article.hero_image, request)
    if image:
        data["image"] = image
    if not data["performer"]:
        del data["performer"]
    return data
