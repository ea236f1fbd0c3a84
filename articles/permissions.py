"""
The permissions of articles, by name (thinktank.permissions checks them), and the
refusal of a status change to someone who may not publish. Topics and regions are
checked by their model (thinktank.permissions.model_permission).
"""

from django.utils.translation import gettext as _

ADD_ARTICLE = "articles.add_article"
CHANGE_ARTICLE = "articles.change_article"
VIEW_ARTICLE = "articles.view_article"
# Publishing, scheduling, unpublishing and archiving; choosing the home page's features.
PUBLISH_ARTICLE = "articles.publish_article"


def may_not_publish():
    """Why a status change is refused to someone without PUBLISH_ARTICLE."""
    return _("You do not have permission to publish or archive.")
