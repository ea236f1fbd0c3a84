"""The import of small files in the admin (docs/import-format.md, "In the admin"): the
uploaded files kept in the private storage between the dry run and its confirmation,
under a folder of their own keyed to the user, and run through the same importer as
the commands (`import_records` with the WordPress or JSON Lines reader)."""

import json
import posixpath
import re
import secrets
import tempfile
import tomllib
import zipfile
import zlib
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from interchange.importer import import_records
from interchange.mapping import MappingError, RecordMapping, mapped, record_mapping_from_dict
from interchange.records import read_jsonl
from interchange.report import Report
from interchange.wordpress.mapping import Mapping, mapping_from_dict
from interchange.wordpress.records import source_of, wordpress_records
from interchange.wordpress.scan import scan_export
from thinktank.docx import EXPANSION, DocxRefused, read_zip_entries
from thinktank.private_files import delete_folder, private_storage

FOLDER = "interchange-uploads"
# An upload not confirmed within this time is removed (at the user's next upload).
EXPIRES = timedelta(hours=24)
WORDPRESS, JSONL = "wordpress", "jsonl"
FORMATS = {".xml": WORDPRESS, ".jsonl": JSONL}
MAPPING_MAX_SIZE = 256 * 1024
TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
YEAR = re.compile(r"^\d{4}$")


class UploadRefused(ValueError):
    """An uploaded file this import does not read, and why, for the editor."""


def max_upload_size():
    return settings.IMPORT_MAX_UPLOAD_SIZE


def check_size(upload, what):
    if upload.size > max_upload_size():
        raise UploadRefused(
            _("This file is %(size)s; %(what)s may be at most %(max)s here.")
            % {
                "size": filesizeformat(upload.size),
                "what": what,
                "max": filesizeformat(max_upload_size()),
            }
        )


def format_of(name):
    """WORDPRESS or JSONL by the file's name; UploadRefused for another."""
    found = FORMATS.get(Path(name).suffix.lower())
    if found is None:
        raise UploadRefused(_("Upload a WordPress export (.xml) or a JSON Lines file (.jsonl)."))
    return found


def check_source(upload):
    """The format of an uploaded export or records file (size, name, first bytes)."""
    check_size(upload, _("an export"))
    found = format_of(upload.name)
    upload.seek(0)
    start = upload.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    upload.seek(0)
    if found == WORDPRESS and not start.startswith(b"<"):
        raise UploadRefused(
            _("This file is not XML, so not a WordPress export (Tools → Export writes one).")
        )
    return found


def read_mapping(data, found=WORDPRESS):
    """The mapping (TOML `data`, bytes) of an upload of format `found`: a WordPress
    export's, or a JSON Lines file's. UploadRefused with the reason otherwise."""
    from_dict = mapping_from_dict if found == WORDPRESS else record_mapping_from_dict
    try:
        return from_dict(tomllib.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UploadRefused(
            _("This mapping is not valid TOML: %(error)s") % {"error": error}
        ) from error
    except MappingError as error:
        raise UploadRefused(str(error)) from error


def check_mapping(upload, found=WORDPRESS):
    """The mapping of an uploaded TOML file for an upload of format `found`."""
    if upload.size > MAPPING_MAX_SIZE:
        raise UploadRefused(
            _("A mapping file may be at most %(max)s.") % {"max": filesizeformat(MAPPING_MAX_SIZE)}
        )
    try:
        return read_mapping(upload.read(), found)
    finally:
        upload.seek(0)


def media_entries(file):
    """{name: bytes} of a zip of the media folder, checked as the site checks a Word
    document's zip (thinktank.docx: sizes counted as read, a "zip bomb" refused);
    names leading out of the folder are left out. UploadRefused otherwise."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            parts = read_zip_entries(archive, max_upload_size() * EXPANSION)
    except DocxRefused as refused:
        if refused.code == "zip_bomb":
            raise UploadRefused(
                _("This zip is far bigger inside than its file (a “zip bomb”), so it was not read.")
            ) from refused
        if refused.code == "too_many_parts":
            raise UploadRefused(_("This zip has too many files to import here.")) from refused
        raise not_a_zip() from refused
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError) as error:
        raise not_a_zip() from error
    except (NotImplementedError, RuntimeError) as error:  # a compression method, encryption
        raise UploadRefused(
            _("This zip is compressed or encrypted in a way this site does not read.")
        ) from error
    return {
        name: data
        for name, data in parts.items()
        if not posixpath.normpath(name).startswith(("..", "/")) and "\x00" not in name
    }


def not_a_zip():
    return UploadRefused(_("This file is not a zip file, or it is damaged."))


def check_media(upload):
    check_size(upload, _("a zip of the media"))
    media_entries(upload)
    upload.seek(0)


def _folder(user, token):
    return f"{FOLDER}/{user.pk}/{token}"


def store_upload(user, source, media=None, mapping=None):
    """Keep the uploaded files for `user` in the private storage; the new upload's token.
    The user's uploads older than EXPIRES are removed first."""
    remove_expired(user)
    token = secrets.token_urlsafe(24)
    storage, folder = private_storage(), _folder(user, token)
    storage.save(f"{folder}/source", source)
    if media is not None:
        storage.save(f"{folder}/media.zip", media)
    if mapping is not None:
        storage.save(f"{folder}/mapping.toml", mapping)
    manifest = {
        "name": Path(source.name).name,
        "format": format_of(source.name),
        "media": media is not None,
        "mapping": mapping is not None,
        "created": timezone.now().isoformat(),
    }
    _save_json(f"{folder}/upload.json", manifest)
    return token


def _save_json(name, data):
    storage = private_storage()
    storage.delete(name)
    storage.save(name, ContentFile(json.dumps(data, ensure_ascii=False).encode("utf-8")))


def _read_json(name):
    storage = private_storage()
    if not storage.exists(name):
        return None
    with storage.open(name, "rb") as file:
        return json.load(file)


def manifest_of(user, token):
    """What `user` uploaded under `token`, if it is there and not expired (else None)."""
    if not TOKEN.match(token or ""):
        return None
    manifest = _read_json(f"{_folder(user, token)}/upload.json")
    if manifest is None:
        return None
    created = datetime.fromisoformat(manifest["created"])
    if timezone.now() - created > EXPIRES:
        remove_upload(user, token)
        return None
    return manifest


def claim_upload(user, token):
    """The manifest of the upload, taken away so that a second confirmation finds it gone
    (None when it is already taken, expired or not this user's)."""
    manifest = manifest_of(user, token)
    if manifest is not None:
        storage = private_storage()
        storage.delete(f"{_folder(user, token)}/upload.json")
    return manifest


def remove_upload(user, token):
    delete_folder(_folder(user, token), storage=private_storage())


def remove_expired(user):
    storage = private_storage()
    try:
        tokens, _files = storage.listdir(f"{FOLDER}/{user.pk}")
    except FileNotFoundError:
        return
    for token in tokens:
        if TOKEN.match(token) and manifest_of(user, token) is None:
            remove_upload(user, token)


def save_report(user, token, report, *, final, **about):
    """Keep the report of the dry run or of the import for the page and the download,
    with `about` (the source's name, when it started)."""
    name = "imported.json" if final else "dry-run.json"
    _save_json(f"{_folder(user, token)}/{name}", {**report.as_dict(), **about})


def remove_files(user, token):
    """The kept files of an upload removed once imported (its reports stay)."""
    storage, folder = private_storage(), _folder(user, token)
    for name in ("source", "media.zip", "mapping.toml"):
        storage.delete(f"{folder}/{name}")


def saved_report(user, token):
    """(the report as a dict, whether it is the import's) of the upload, or (None, False)."""
    if not TOKEN.match(token or ""):
        return None, False
    folder = _folder(user, token)
    final = _read_json(f"{folder}/imported.json")
    if final is not None:
        return final, True
    return _read_json(f"{folder}/dry-run.json"), False


def run_upload(user, token, manifest, *, dry_run):
    """Import the files kept under `token` as `user` (a dry run writes nothing), with the
    commands' own readers and importer; (the Report, the source's name)."""
    storage, folder = private_storage(), _folder(user, token)
    with tempfile.TemporaryDirectory(prefix="interchange-") as work:
        work = Path(work)
        source = work / "source"
        with storage.open(f"{folder}/source", "rb") as kept:
            source.write_bytes(kept.read())
        media_dir = _unpacked_media(storage, folder, work) if manifest["media"] else None
        report, found = Report(), manifest["format"]
        mapping = Mapping() if found == WORDPRESS else RecordMapping()
        if manifest["mapping"]:
            with storage.open(f"{folder}/mapping.toml", "rb") as kept:
                mapping = read_mapping(kept.read(), found)
        if found == WORDPRESS:
            index = scan_export(source, mapping)
            report.set_total(index.total)
            name = source_of(index.site)
            import_records(
                wordpress_records(source, mapping, report, index),
                source=name,
                media_dir=media_dir,
                user=user,
                dry_run=dry_run,
                report=report,
            )
        else:
            name = f"jsonl:{Path(manifest['name']).stem}"
            with source.open("rb") as lines:
                import_records(
                    mapped(read_jsonl(lines, report), mapping, report),
                    source=name,
                    media_dir=media_dir,
                    user=user,
                    dry_run=dry_run,
                    report=report,
                )
    return report, name


def _unpacked_media(storage, folder, work):
    """The media zip written out under `work`; its top folder when it holds only one
    that is not a year's (a zip of "uploads/" itself)."""
    media = work / "media"
    with storage.open(f"{folder}/media.zip", "rb") as kept:
        entries = media_entries(kept)
    for name, data in entries.items():
        path = media / posixpath.normpath(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    inside = list(media.iterdir()) if media.is_dir() else []
    if len(inside) == 1 and inside[0].is_dir() and not YEAR.match(inside[0].name):
        return inside[0]
    return media
