"""Files readers reach only through a view that checked they may (storages["private"]):
answered streamed from the filesystem, or by a short-lived signed address on S3; and
written whole, so that no reader ever gets half a file. See docs/pdf-edition.md."""

import os
import tempfile

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import content_disposition_header


def private_storage():
    return storages["private"]


def private_file_response(request, name, *, filename, content_type, public, attachment=True):
    """The private file `name`, for this request: streamed from the filesystem, or a 302
    to a signed address valid a few minutes (S3) that answers with the same name and
    type; named `filename` when saved. `public`: every reader may have it now (shared
    caches may keep it but must ask again each time, so that it goes at once with an
    unpublish); otherwise it is for this reader only. The caller has checked that this
    reader may have it."""
    storage = private_storage()
    disposition = content_disposition_header(attachment, filename)
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
        add_never_cache_headers(response)  # the address expires: nobody keeps it
        return response
    try:
        stored = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404("This file is gone.") from None
    response = FileResponse(stored, content_type=content_type)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        patch_cache_control(response, public=True, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_cache=True)
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
