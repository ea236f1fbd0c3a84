"""The permissions of the interchange's own writes (what each app's services check for
the objects themselves)."""

ADD_SOURCE_KEY = "interchange.add_sourcekey"
CHANGE_SOURCE_KEY = "interchange.change_sourcekey"
ADD_LEGACY_PATH = "interchange.add_legacypath"
CHANGE_LEGACY_PATH = "interchange.change_legacypath"
DELETE_LEGACY_PATH = "interchange.delete_legacypath"
