"""What a checked Word document holds that a body cannot (comments, tracked changes,
equations, charts, ...), as sentences for the editor; and its title. See
docs/word-import.md."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DC = "{http://purl.org/dc/elements/1.1/}"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
# Fields whose shown text is simply kept: links (converted) and page references' text.
KEPT_FIELDS = {"HYPERLINK"}


def core_title(document):
    """The title in the document's properties (File > Properties), or ""."""
    for name, root in document.xml.items():
        if name.lower() == "docprops/core.xml":
            title = root.find(f"{DC}title")
            return (title.text or "").strip() if title is not None else ""
    return ""


def _elements(root):
    """The elements under `root`, skipping each mc:Fallback (its mc:Choice says the same)."""
    stack = [root]
    while stack:
        element = stack.pop()
        yield element
        stack.extend(child for child in element if child.tag != f"{MC}Fallback")


def _body_parts(document):
    """The main document and its footnotes and endnotes: the parts that are imported."""
    names = [document.main] + [
        document.target_of(document.main, rel)
        for kind in ("footnotes", "endnotes")
        for rel in document.related(document.main, kind)
    ]
    return [document.xml[name] for name in names if name in document.xml]


def _count(document):
    counts = dict.fromkeys(
        ["tracked", "text_boxes", "equations", "charts", "smartart", "objects", "controls"], 0
    )
    fields = []
    for root in _body_parts(document):
        for element in _elements(root):
            tag = element.tag
            if tag in (f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"):
                counts["tracked"] += 1
            elif tag == f"{W}txbxContent":
                counts["text_boxes"] += 1
            elif tag == f"{MATH}oMath":
                counts["equations"] += 1
            elif tag == f"{DRAWING}graphicData":
                uri = element.get("uri", "")
                counts["charts"] += uri == CHART
                counts["smartart"] += uri == DIAGRAM
            elif tag == f"{W}object":
                counts["objects"] += 1
            elif tag == f"{W}control":
                counts["controls"] += 1
            elif tag == f"{W}fldSimple":
                fields.append(element.get(f"{W}instr", ""))
            elif tag == f"{W}instrText":
                fields.append(element.text or "")
    codes = [code.split()[0].upper() for code in fields if code.split()]
    counts["fields"] = sorted({code for code in codes if code not in KEPT_FIELDS})
    return counts


def _comments(document):
    for rel in document.related(document.main, "comments"):
        root = document.xml.get(document.target_of(document.main, rel))
        if root is not None:
            return len(root.findall(f"{W}comment"))
    return 0


def _headers_and_footers(document):
    """Whether a header or footer has text (they are not imported)."""
    return any(
        "".join(root.itertext()).strip()
        for kind in ("header", "footer")
        for rel in document.related(document.main, kind)
        if (root := document.xml.get(document.target_of(document.main, rel))) is not None
    )


def _embedded_parts(document):
    return sum(
        1 for name in document.parts if name.startswith(("word/embeddings/", "word/activeX/"))
    )


def unsupported(document):
    """Sentences naming what of `document` the body does not keep as it was."""
    counts = _count(document)
    found = []
    if comments := _comments(document):
        found.append(
            ngettext(
                "%(count)d comment was not imported.",
                "%(count)d comments were not imported.",
                comments,
            )
            % {"count": comments}
        )
    messages = [
        (
            "tracked",
            lambda n: ngettext(
                "%(count)d tracked change was imported as if accepted (deleted text left "
                "out, inserted text kept): check it.",
                "%(count)d tracked changes were imported as if accepted (deleted text left "
                "out, inserted text kept): check them.",
                n,
            ),
        ),
        (
            "text_boxes",
            lambda n: ngettext(
                "%(count)d text box: its text was put where the box is anchored.",
                "%(count)d text boxes: their text was put where each box is anchored.",
                n,
            ),
        ),
        (
            "equations",
            lambda n: ngettext(
                "%(count)d equation was not imported.",
                "%(count)d equations were not imported.",
                n,
            ),
        ),
        (
            "charts",
            lambda n: ngettext(
                "%(count)d chart was not imported: save it as an image and add it as a figure.",
                "%(count)d charts were not imported: save them as images and add them as figures.",
                n,
            ),
        ),
        (
            "smartart",
            lambda n: ngettext(
                "%(count)d SmartArt diagram was not imported: save it as an image.",
                "%(count)d SmartArt diagrams were not imported: save them as images.",
                n,
            ),
        ),
        (
            "objects",
            lambda n: ngettext(
                "%(count)d embedded object (a spreadsheet, a file, ...) is not supported: "
                "at most its picture was imported.",
                "%(count)d embedded objects (spreadsheets, files, ...) are not supported: "
                "at most their pictures were imported.",
                n,
            ),
        ),
        (
            "controls",
            lambda n: ngettext(
                "%(count)d form control (ActiveX) is not supported and was left out.",
                "%(count)d form controls (ActiveX) are not supported and were left out.",
                n,
            ),
        ),
    ]
    for key, message in messages:
        if counts[key]:
            found.append(message(counts[key]) % {"count": counts[key]})
    if counts["fields"]:
        found.append(
            _("Fields (%(codes)s): the text they showed was kept, not the field.")
            % {"codes": ", ".join(counts["fields"])}
        )
    if _headers_and_footers(document):
        found.append(_("Headers and footers were not imported."))
    if _embedded_parts(document) and not counts["objects"] and not counts["controls"]:
        found.append(_("Files embedded in the document were not imported."))
    return found
