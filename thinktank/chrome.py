"""
The site's chrome: the sections every page's header links to. The frame names no app:
each app adds its own from its AppConfig.ready() (register_section), and they show in
the order the apps have in INSTALLED_APPS. The home page, the search page and the
site-wide feeds are one page each, chosen in settings (SITE_HOME_URL_NAME, ...).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    label: str  # a lazy translation, shown in the reader's language
    url_name: str
    current: tuple  # the view names whose pages it is marked current on (aria-current)


SECTIONS = []


def register_section(label, url_name, *, also_current=()):
    """
    Link to `url_name` from the header, as `label`; marked the current section on its
    own page and on the views named in `also_current` (a program's page under
    "Programs"). Registering a URL name again does nothing.
    """
    if all(section.url_name != url_name for section in SECTIONS):
        SECTIONS.append(Section(label, url_name, (url_name, *also_current)))
