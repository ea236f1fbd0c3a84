"""
Reads one PDF in a process of its own (thinktank.documents runs it): the PDF's bytes on
standard input, one JSON line on standard output, {"pages": n, "text": "..."} or
{"problem": "<code>"}. Before reading a byte it limits its own memory and processor
time, so a PDF that makes pypdf loop or swell ends this process, not the server's.
Run by path with `python -I`: it imports nothing of the project.
"""

import io
import json
import resource
import sys

import pypdf.filters  # noqa: F401 - pypdf imports it late, it must be in before the limits
from pypdf import PdfReader
from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# Found anywhere in the document's objects: what a reader's viewer would run or open.
ACTIVE_CONTENT = {
    "/JS": "javascript",
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/EmbeddedFile": "embedded_file",
    "/EmbeddedFiles": "embedded_file",
    "/RichMedia": "embedded_file",
    "/XFA": "javascript",  # XML forms carry their own scripts
}


def limit_self(memory_bytes, cpu_seconds):
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


def active_content(reader, max_objects):
    """The code of the first active content found walking every object reachable from the
    trailer (iteratively: a deeply nested file exhausts no stack), or None."""
    seen, stack, visited = set(), [reader.trailer], 0
    while stack:
        item = stack.pop()
        visited += 1
        if visited > max_objects:
            return "too_complex"
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for name, value in item.items():
                if name in ACTIVE_CONTENT:
                    return ACTIVE_CONTENT[name]
                if name == "/S" and value in ACTIVE_CONTENT:  # an action: /S /Launch
                    return ACTIVE_CONTENT[value]
                if name == "/Type" and value in ACTIVE_CONTENT:
                    return ACTIVE_CONTENT[value]
                if name != "/Parent":  # the page tree's way back up
                    stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return None


def probe(data, *, max_pages, max_text, max_objects):
    """{"pages", "text"} of a readable, inactive PDF, or {"problem": code}."""
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        return {"problem": "encrypted"}
    if int(reader.trailer["/Root"]["/Pages"]["/Count"]) > max_pages:
        return {"problem": "too_many_pages"}
    problem = active_content(reader, max_objects)
    if problem:
        return {"problem": problem}
    pages = len(reader.pages)
    if pages > max_pages:
        return {"problem": "too_many_pages"}
    if pages == 0:
        return {"problem": "broken"}
    # Every object was read by the walk above; pages' contents are decoded for their
    # text only until there is enough of it (a long report's are the slow part).
    text, length = [], 0
    for page in reader.pages:
        if length >= max_text:
            break
        text.append((page.extract_text() or "")[: max_text - length])
        length += len(text[-1])
    return {"pages": pages, "text": "\n".join(text)}


def main():
    options = json.loads(sys.argv[1])
    limit_self(options["memory_bytes"], options["cpu_seconds"])
    sys.setrecursionlimit(options.get("recursion_limit", 2000))
    data = sys.stdin.buffer.read()
    try:
        result = probe(
            data,
            max_pages=options["max_pages"],
            max_text=options["max_text"],
            max_objects=options["max_objects"],
        )
    except (MemoryError, RecursionError, LimitReachedError, ImportError):
        # Out of the memory allowed (even to load a module), or over pypdf's own limits.
        result = {"problem": "too_complex"}
    except Exception:  # noqa: BLE001 - whatever pypdf raises, the file is unreadable
        result = {"problem": "broken"}
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
