"""
Reading the expert directory: its page for a language prefix and filters, the active
experts by initial and in order, the former experts, and the status message.
"""

from urllib.parse import urlencode

from tests.helpers.htmlpage import get_page


def directory(client, prefix="", **filters):
    url = f"{prefix}/experts"
    if filters:
        url += "?" + urlencode(filters)
    return get_page(client, url)


def groups(page):
    """{initial: [names of the active experts filed under it]}, in the page's order."""
    found = {}
    for section in page.find("main").find_all("section", cls="letter-group"):
        letter = section.find(cls="letter-group__letter").text
        assert letter not in found, f"{letter} is a group twice"
        found[letter] = [name.text for name in section.find_all(cls="expert-card__name")]
    return found


def listed(page):
    """The names of the active experts, in the page's order."""
    return [name for names in groups(page).values() for name in names]


def former(page):
    """The names in the "Former experts" section (none when there is no such section)."""
    sections = page.find("main").find_all("section", cls="former-experts")
    if not sections:
        return []
    return [item.find("bdi").text for item in sections[0].find_all("li")]


def status_message(page):
    return page.find("main").find(role="status").text
