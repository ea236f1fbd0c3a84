"""
Demo content for a local site: the reference article page and its surroundings.

`python manage.py load_demo` calls `loader.load()`. The data tables live in
`content` (people and classification), `reference` (the reference page's article,
its Arabic version and recommendations) and `catalogue` (everything else);
`photos` draws the images with Pillow and `sync` makes every write idempotent.
"""
