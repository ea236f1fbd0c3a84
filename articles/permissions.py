"""
The permissions of articles, by name (thinktank.permissions checks them). Topics and
regions are checked by their model (thinktank.permissions.model_permission).
"""

ADD_ARTICLE = "articles.add_article"
CHANGE_ARTICLE = "articles.change_article"
VIEW_ARTICLE = "articles.view_article"
# Publishing, scheduling, unpublishing and archiving; choosing the home page's picks.
PUBLISH_ARTICLE = "articles.publish_article"
