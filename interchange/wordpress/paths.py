"""The addresses a WordPress site answered for a post, a term or an author, as
site-relative paths (the `old_paths` of docs/import-format.md): the export's own
<link>, the `?p=ID` form every post also answers, the permalink structure's, and the
archives' /category/<slug>/, /tag/<slug>/, /author/<nicename>/."""

import re
from urllib.parse import unquote, urlsplit

_TAG = re.compile(r"%([a-z_]+)%")
_NICENAME = re.compile(r"[^a-z0-9_-]+")
_ASCII_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,200}$")


def path_of(url):
    """The path (and query) of `url`, percent-decoded as a request's path is:
    "/2019/03/oil/", "/?p=12", "/2019/03/النفط/"; "" for none."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    path = unquote(parts.path) or "/"
    return f"{path}?{parts.query}" if parts.query else path


def home_path(site_url):
    """The path the site lives under ("" at the root, "/blog" under /blog)."""
    return urlsplit(site_url or "").path.rstrip("/")


def nicename(login):
    """WordPress's user_nicename made from a login (sanitize_title, lower case)."""
    return _NICENAME.sub("-", login.lower()).strip("-")


def ascii_slug(slug):
    """`slug` when it can be a slug here (ASCII letters, digits, - and _), else "": an
    Arabic slug is left to the importer, which makes one from the title, transliterated
    (its old address keeps answering all the same)."""
    return slug if _ASCII_SLUG.match(slug or "") else ""


def unique(paths):
    """The non-empty paths, each once, in order."""
    return list(dict.fromkeys(path for path in paths if path))


def permalink(structure, home, *, date, slug, post_id, category="", author=""):
    """The path `structure` ("/%year%/%monthnum%/%postname%/") gives; "" when a tag it
    uses is unknown or has no value (a draft without a slug)."""
    if not structure:
        return ""
    values = {
        "year": f"{date.year:04d}" if date else "",
        "monthnum": f"{date.month:02d}" if date else "",
        "day": f"{date.day:02d}" if date else "",
        "hour": f"{date.hour:02d}" if date else "",
        "minute": f"{date.minute:02d}" if date else "",
        "second": f"{date.second:02d}" if date else "",
        "postname": slug,
        "post_id": post_id,
        "category": category,
        "author": author,
    }
    missing = [name for name in _TAG.findall(structure) if not values.get(name)]
    if missing:
        return ""
    path = _TAG.sub(lambda match: values[match.group(1)], structure)
    return home + "/" + path.lstrip("/")


def post_paths(item, home, structure, date, category="", author=""):
    """Every old path of a post or page."""
    query = "page_id" if item.type == "page" else "p"
    return unique(
        [
            path_of(item.link),
            f"{home}/?{query}={item.id}",
            permalink(
                structure if item.type == "post" else "", home, date=date, slug=item.slug,
                post_id=item.id, category=category, author=author,
            ),
        ]
    )  # fmt: skip


def attachment_paths(item, home):
    return unique([path_of(item.link), f"{home}/?attachment_id={item.id}"])


def archive_path(home, base, *slugs):
    """/category/energy/ (a parent's slug first), /tag/oil/, /author/jsmith/."""
    return f"{home}/{base}/" + "".join(f"{slug}/" for slug in slugs)
