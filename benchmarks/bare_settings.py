"""
The site's settings with one URL, a bare view (benchmarks/bare_urls.py): the ceiling
benchmarks/serve.py measures the pages against. The same middleware, templates,
database and cache settings as thinktank.settings; only the URLs differ.
"""

from thinktank.settings import *  # noqa: F403 - all of them, on purpose

ROOT_URLCONF = "benchmarks.bare_urls"
