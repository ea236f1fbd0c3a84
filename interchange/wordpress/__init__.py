"""The WordPress import: a WXR export read as a stream (wxr), mapped (mapping) and turned
into records of the interchange format (records), which interchange.importer writes.
See docs/wordpress-import.md."""
