"""Demo content for a local site (`manage.py load_demo` calls `loader.load()`): data
tables in `content*`, `reference`, `catalogue`, `arabic`, `persian`; images by `photos`;
every write through `services`."""
