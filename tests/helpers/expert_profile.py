"""
For the expert profile tests: Anna Borshchevskaya's profile, every field filled in
(make_anna, the body of each module's `anna` fixture), and readers of its sections,
its JSON-LD and its OpenGraph tags.
"""

import json

from django.utils import translation
from django.utils.translation import gettext

from experts.models import ExpertLink
from tests.helpers.factories import image_upload, make_expert, make_program, make_region, make_topic
from thinktank.renditions import make_renditions

URL = "/experts/anna-borshchevskaya"


def titles(section):
    return [title.text for title in section.find_all(cls="card__title")]


def publications(page):
    return titles(page.find("section", aria_labelledby="publications"))


def events_section(page):
    sections = page.find_all("section", aria_labelledby="events")
    return sections[0] if sections else None


def event_lists(page):
    """{"Upcoming": [titles], "Past": [titles]} of the Events section, in page order."""
    section = events_section(page)
    if section is None:
        return {}
    found = {}
    for subhead in section.find_all("h3", cls="profile-section__subhead"):
        siblings = [child for child in subhead.parent.children if not isinstance(child, str)]
        following = siblings[siblings.index(subhead) + 1]
        assert following.tag == "ol"
        found[subhead.text] = titles(following)
    return found


def json_ld(page):
    scripts = page.find("head").find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def meta_property(page, name):
    return page.find("head").find("meta", property=name).get("content")


def in_arabic(message):
    """`message` as the Arabic catalogue has it (English until it is translated)."""
    with translation.override("ar"):
        return gettext(message)


def make_anna(db):
    program = make_program(
        "Program on Great Power Competition",
        slug="great-power-program",
        translations={"ar": {"name": "برنامج منافسة القوى الكبرى"}},
    )
    expert = make_expert(
        "Anna Borshchevskaya",
        program=program,
        role="Senior Fellow",
        short_bio="Anna Borshchevskaya studies Russia's policy in the Middle East.",
        bio="<p>Anna Borshchevskaya is a senior fellow.</p><p>She wrote a book on Putin.</p>",
        languages="English, Russian",
        email="anna@example.org",
        phone="+1 202 555 0100",
        translations={
            "ar": {
                "name": "آنا بورشيفسكايا",
                "role": "زميلة أولى",
                "bio": "<p>آنا بورشيفسكايا زميلة أولى.</p>",
                "languages": "الإنجليزية، الروسية",
            }
        },
    )
    expert.photo = image_upload("anna.png", size=(700, 500))
    expert.save()
    make_renditions(expert.photo)  # as the expert admin does when the photo is uploaded
    expert.topics.add(make_topic("Great Power Competition", slug="great-power-competition"))
    middle_east = make_region("Middle East", slug="middle-east")
    expert.regions.add(make_region("Levant", slug="levant", parent=middle_east))
    ExpertLink.objects.create(expert=expert, kind="x", url="https://x.com/annaborsh", position=0)
    ExpertLink.objects.create(
        expert=expert, kind="website", url="https://anna.example.org/", position=1
    )
    return expert
