"""
The articles' admin, one module per concept. Django's autodiscover imports only this
package, so it imports each module: that is what registers their admins with the site.
"""

from . import article, dashboard, features, library, redirects, taxonomy, translations  # noqa: F401
