"""
The site: the root URLconf and the sitemap index, which put the apps together.

It sits above every app (thinktank, the frame, below them all; experts; articles),
so it is the one place that names them all, and nothing imports it: settings name
it as ROOT_URLCONF.
"""
