"""Image records (docs/import-format.md): the file read from the media directory (never
downloaded) through the library's own upload checks, then saved by its services."""

import hashlib
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _

from interchange.records import translations_of
from interchange.run import Skip, Written
from library.services import image_create, image_save

PER_LANGUAGE = ("alt_text", "caption", "credit")
LIMITS = {"alt_text": 500, "credit": 200}
CHUNK = 1 << 20


def media_file(media_dir, name):
    """The file `name` inside `media_dir`, or Skip: no directory, a name leading out of
    it, or no such file."""
    if media_dir is None:
        raise Skip(_("no media directory was given: the image's file cannot be read"))
    root = Path(media_dir).resolve()
    path = (root / name.lstrip("/")).resolve()
    if not path.is_relative_to(root):
        raise Skip(_("its file “%(name)s” is outside the media directory") % {"name": name})
    if not path.is_file():
        raise Skip(_("its file “%(name)s” is not in the media directory") % {"name": name})
    return path


def file_hash(path):
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_image(record, existing, run):
    path = media_file(run.media_dir, record["file"])
    texts, translations = translations_of(record, PER_LANGUAGE, report=run.report)
    fields = {name: texts[name][: LIMITS.get(name, len(texts[name]))] for name in PER_LANGUAGE}
    title = (record.get("title") or "").strip() or path.stem
    if not fields["alt_text"].strip():
        fields["alt_text"] = title[:500]
        run.report.problem(
            "image", record["id"], _("it has no alt text: its title stands in; describe it")
        )
    hashed = file_hash(path)
    extra = {"file_hash": hashed}
    try:
        with path.open("rb") as handle:
            upload = File(handle, name=path.name)
            if existing is None:
                image = image_create(
                    user=run.user,
                    file=upload,
                    title=title[:200],
                    translations=translations,
                    **fields,
                )
                run.stored_files.append(image.file.name)
                return Written(image, extra=extra)
            image = existing
            for name, value in fields.items():
                setattr(image, name, value)
            image.title = title[:200]
            image.translations = translations
            new_file = not image.file.name or file_changed(run.key, hashed)
            if new_file:
                image.file = upload
            image.full_clean(exclude=None if new_file else ["file"])
            image_save(image, user=run.user)
            if new_file:
                run.stored_files.append(image.file.name)
            return Written(image, extra=extra)
    except ValidationError as error:
        raise Skip("; ".join(error.messages)) from error


def file_changed(key, hashed):
    """Whether the file differs from the one imported before under `key`."""
    return key is None or key.extra.get("file_hash") != hashed
