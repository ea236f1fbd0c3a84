"""The first of the two passes over an export: what the second needs to know before it
meets it. An image in a post's body is found by its file, and its attachment often
comes after the post; a bare [gallery] shows the images attached to the post; a WPML
original is named only by its translations. Only these small indexes are kept (and
the count of items, for the progress bar), never an item."""

from dataclasses import dataclass, field

from interchange.wordpress.figures import ImageIndex
from interchange.wordpress.mapping import INTERNAL_TAXONOMIES, REGION, TOPIC
from interchange.wordpress.translations import original_of
from interchange.wordpress.wxr import Author, Item, Site, Term, read_wxr


@dataclass
class ExportIndex:
    site: Site = field(default_factory=Site)
    images: ImageIndex = field(default_factory=ImageIndex)
    originals: set = field(default_factory=set)  # post ids WPML translations point at
    items: int = 0
    records: int = 0  # about how many records and skipped items the second pass gives

    @property
    def total(self):
        """The progress bar's total: every item, author and topic or region."""
        return self.items + self.records


def attached_file(item):
    """An attachment's file, relative to wp-content/uploads ("" when the export has none)."""
    file = item.meta.get("_wp_attached_file", "").strip()
    if not file and "/uploads/" in item.attachment_url:
        file = item.attachment_url.split("/uploads/", 1)[1]
    return file.lstrip("/")


def scan_export(path, mapping):
    """The ExportIndex of the export at `path` read as `mapping` says (raises
    wxr.UnsafeExport)."""
    index = ExportIndex()
    with open(path, "rb") as raw:
        for entry in read_wxr(raw):
            if isinstance(entry, Site):
                index.site = entry
            elif isinstance(entry, Author):
                index.records += 1
            elif isinstance(entry, Term) and entry.taxonomy not in INTERNAL_TAXONOMIES:
                index.records += mapping.target(entry.taxonomy, entry.slug) in (TOPIC, REGION)
            elif isinstance(entry, Item):
                index.items += 1
                if entry.type == "attachment":
                    index.images.add(entry.id, attached_file(entry), entry.parent)
                original = original_of(entry)
                if original:
                    index.originals.add(original)
    return index
