"""A site's authors as expert records: its users (wp:author) and Co-Authors Plus'
guest authors (items of type `guest-author`), both keyed by their login, the name
Co-Authors Plus' `author` terms on a post give, so a person is one record however
they appear. The importer then matches an existing expert by email or name."""

from django.utils.html import strip_tags

from interchange.wordpress.paths import archive_path, nicename

GUEST_AUTHOR = "guest-author"


def _name(display_name, first_name, last_name, login):
    full = f"{first_name} {last_name}".strip()
    if display_name and (display_name != login or not full):
        return display_name
    return full or login


def author_record(author, home, mapping):
    """The expert record of a user."""
    record = {
        "kind": "expert",
        "id": author.login,
        "name": _name(author.display_name, author.first_name, author.last_name, author.login),
        "old_paths": [archive_path(home, mapping.author_base, nicename(author.login))],
    }
    if author.email:
        record["email"] = author.email
    return record


def guest_login(item):
    """A guest author's login: its `cap-user_login`, else its slug without "cap-"."""
    login = item.meta.get("cap-user_login", "").strip()
    return login or item.slug.removeprefix("cap-")


def guest_author_record(item, home, mapping, language, images):
    """The expert record of a Co-Authors Plus guest author."""
    meta = item.meta
    login = guest_login(item)
    record = {
        "kind": "expert",
        "id": login,
        "name": _name(
            meta.get("cap-display_name", "").strip() or item.title.strip(),
            meta.get("cap-first_name", "").strip(),
            meta.get("cap-last_name", "").strip(),
            login,
        ),
        "old_paths": [archive_path(home, mapping.author_base, item.slug.removeprefix("cap-"))],
    }
    if meta.get("cap-user_email", "").strip():
        record["email"] = meta["cap-user_email"].strip()
    description = meta.get("cap-description", "").strip()
    if description:
        record["short_bio"] = {language: strip_tags(description)}
    if meta.get("_thumbnail_id") in images.ids:
        record["photo"] = meta["_thumbnail_id"]
    return record


def item_authors(item):
    """The expert ids of a post's authors, in order: its Co-Authors Plus `author` terms
    (their names are logins), else the post's own author."""
    logins = [name.strip() for taxonomy, _slug, name in item.terms if taxonomy == "author"]
    logins = list(dict.fromkeys(login for login in logins if login))
    return logins or ([item.creator] if item.creator else [])
