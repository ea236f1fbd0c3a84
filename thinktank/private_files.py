"""
Answering a reader with a file of `storages["private"]` (an article's documents, its PDF
edition), once the caller has decided that this reader may have it: streamed from the
filesystem, or a redirect to a short-lived signed address of the bucket. See
docs/documents.md ("Serving"). And the PDF editions' writes: a file stored whole under
its exact name, a folder emptied, a size (docs/pdf-edition.md).
"""

import hashlib
import os
import tempfile

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpResponseNotModified, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header, parse_etags

# What a private file may do once opened from the site's origin: nothing (no script,
# no form, no plugin, a unique origin).
SANDBOX_POLICY = "sandbox"


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


_private_storage = _PrivateStorage()


def private_storage():
    """`storages["private"]`, looked up again after a change of STORAGES (as tests make),
    so a FileField given it as its storage follows too."""
    return _private_storage


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        _private_storage._wrapped = empty


def remove_after_commit(names):
    """Delete the private files `names` (None skipped) once the transaction that stops
    naming them is committed: a rolled-back change keeps them."""
    names = [name for name in names if name]

    def remove():
        storage = private_storage()
        for name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(remove)


def has_local_files(storage):
    """Whether `storage` keeps files on this machine (then streamed), not in a bucket."""
    try:
        storage.path("probe")
    except NotImplementedError:
        return False
    return True


def _etag(name):
    """A stored private file never changes under its name (a new upload gets a new one)."""
    return '"' + hashlib.sha256(name.encode()).hexdigest()[:32] + '"'


def private_file_response(request, name, *, filename, content_type, public, attachment=True):
    """
    The private file stored as `name`, for this request: the file itself (filesystem) or
    a 302 to a signed address valid a few minutes (S3), named `filename` when saved,
    of `content_type` whatever its bytes look like. `public`: every reader may have it
    now (then shared caches may keep it, but must ask again each time, so that an
    unpublished article's file goes at once); otherwise it is for this reader only.
    """
    storage = private_storage()
    disposition = content_disposition_header(attachment, filename)
    if not has_local_files(storage):
        url = storage.url(
            name,
            parameters={
                "ResponseContentType": content_type,
                "ResponseContentDisposition": disposition,
                "ResponseCacheControl": "private, no-cache",
            },
        )
        response = HttpResponseRedirect(url)
        add_never_cache_headers(response)  # the address expires: nobody keeps it
        return response
    etag = _etag(name)
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        try:
            stored = storage.open(name, "rb")
        except FileNotFoundError:
            raise Http404("This file is gone.") from None
        response = FileResponse(stored, content_type=content_type)
        response["Content-Disposition"] = disposition
        response["Content-Security-Policy"] = SANDBOX_POLICY
    response["ETag"] = etag
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
