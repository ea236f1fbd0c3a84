"""Files readers reach only through a view that checked they may (storages["private"]):
answered streamed from the filesystem, or by a short-lived signed address on S3; and
written whole, so that no reader ever gets half a file. See docs/pdf-edition.md."""

import os
import tempfile
from urllib.parse import quote

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import FileResponse, HttpResponseRedirect


def private_storage():
    return storages["private"]


def content_disposition(filename, disposition="attachment"):
    """A Content-Disposition naming `filename` for every browser: an ASCII fallback and
    the UTF-8 name (RFC 6266), so an Arabic title stays readable."""
    fallback = "".join(char for char in filename if " " <= char <= "~" and char not in '"\\')
    stem, dot, extension = fallback.rpartition(".")
    if not stem.strip(" -_."):
        fallback = f"download{dot}{extension}" if dot else "download"
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def private_file_response(name, *, filename, content_type, storage=None):
    """The response that gives the reader the private file `name`: streamed when the
    storage is on this machine's disk, else a redirect to a signed, expiring address
    (S3) whose download carries the same filename and type. The caller has checked that
    this reader may have it."""
    storage = storage or private_storage()
    disposition = content_disposition(filename)
    try:
        storage.path(name)
    except NotImplementedError:
        url = storage.url(
            name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
            },
        )
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response
    response = FileResponse(storage.open(name, "rb"), content_type=content_type)
    response["Content-Disposition"] = disposition
    return response


def save_whole(name, content, *, storage=None):
    """Store the bytes `content` under exactly `name`, appearing at once and whole: on
    the filesystem written aside and renamed over `name` (atomic; of two writers at the
    same moment the last rename wins, one file); on S3 an upload is atomic already, and
    a copy saved under another name by a writer that lost a race is removed."""
    storage = storage or private_storage()
    try:
        final = storage.path(name)
    except NotImplementedError:
        saved = storage.save(name, ContentFile(content))
        if saved != name:
            storage.delete(saved)
        return name
    folder = os.path.dirname(final)
    os.makedirs(folder, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".part-", delete=False) as part:
        part.write(content)
    os.chmod(part.name, 0o644)
    os.replace(part.name, final)
    return name


def delete_folder(folder, *, keep=(), storage=None):
    """Delete every file directly in `folder` but those named in `keep`; none is fine."""
    storage = storage or private_storage()
    try:
        _folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    deleted = []
    for file in files:
        name = f"{folder}/{file}"
        if name not in keep and not file.startswith(".part-"):
            storage.delete(name)
            deleted.append(name)
    return deleted


def size_of(name, *, storage=None):
    """The size in bytes of the private file `name`, or None when there is none."""
    storage = storage or private_storage()
    try:
        return os.path.getsize(storage.path(name))
    except FileNotFoundError:
        return None
    except NotImplementedError:
        return storage.size(name) if storage.exists(name) else None
