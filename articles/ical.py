"""An event as an iCalendar file (RFC 5545), times in UTC so no VTIMEZONE is needed."""

from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

# RFC 5545 3.1: lines are at most 75 octets, not counting the line break.
LINE_OCTETS = 75
CRLF = "\r\n"


def escape_text(value):
    """A TEXT value (RFC 5545 3.3.11), escaped, other control characters dropped."""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(char for char in value if char in "\n\t" or ord(char) >= 0x20)
    for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(char, escaped)
    return value


def fold(line):
    """`line` folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    data = line.encode("utf-8")
    parts, start, limit = [], 0, LINE_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        parts.append(data[start:end])
        start, limit = end, LINE_OCTETS - 1
    parts.append(data[start:])
    return (CRLF + " ").join(part.decode("utf-8") for part in parts)


def utc(value):
    """A DATE-TIME in UTC, e.g. 20231214T160000Z."""
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_calendar(event, url):
    """The text of an .ics file holding `event` (an Article that is an event) at `url`."""
    host = urlsplit(url).hostname or "localhost"
    language = event.language
    speakers = [authorship.expert.translated.name for authorship in event.byline]
    description = [event.summary]
    if speakers:
        names = pgettext("between names in a list", ", ").join(speakers)
        description.append(_("Speakers: %(names)s") % {"names": names})
    description.append(url)
    location = _("Online") if event.event_is_online else event.event_location
    properties = [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", f"-//{escape_text(settings.SITE_NAME)}//thinktank//{language.upper()}"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("BEGIN", "VEVENT"),
        # Stable across edits, so a second import updates the first instead of adding one.
        ("UID", f"event-{event.pk}@{host}"),
        ("DTSTAMP", utc(event.updated_at)),
        ("LAST-MODIFIED", utc(event.updated_at)),
        ("SEQUENCE", str(event.version)),
        ("DTSTART", utc(event.event_start)),
    ]
    # With no end given, none is made up: RFC 5545 then reads the event as a moment.
    if event.event_end:
        properties.append(("DTEND", utc(event.event_end)))
    properties += [
        (f"SUMMARY;LANGUAGE={language}", escape_text(event.title)),
        (f"DESCRIPTION;LANGUAGE={language}", escape_text(strip_tags("\n\n".join(description)))),
        (f"LOCATION;LANGUAGE={language}", escape_text(location)),
        ("URL", url),
        ("STATUS", "CONFIRMED"),
        ("END", "VEVENT"),
        ("END", "VCALENDAR"),
    ]
    return "".join(fold(f"{name}:{value}") + CRLF for name, value in properties)
