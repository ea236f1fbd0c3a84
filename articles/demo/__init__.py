"""
Demo content for a local site: the reference article page and its surroundings.

`python manage.py load_demo` calls `loader.load()`. The data tables live in
`content` (people and classification; their Arabic and Persian values in
`content_ar` and `content_fa`, gathered by `translated`), `reference` (the
reference page's article, its Arabic version and recommendations), `catalogue`
(everything else), `arabic` and `persian` (translations of some English pieces);
`photos` draws the images with Pillow and `services` makes every write, idempotent.
"""
