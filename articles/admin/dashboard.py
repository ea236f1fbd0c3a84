"""
The editorial dashboard on the admin's home page: registered with the site's index
(thinktank.admin_site), its lists read by articles.desk. Shown to whoever may see
articles: an editor everyone's work, a contributor their own. See docs/dashboard.md.
"""

from django.utils import timezone

from articles.desk import problems, selectors
from articles.permissions import CHANGE_ARTICLE, VIEW_ARTICLE
from articles.services import can_publish
from thinktank.admin_site import register_index_panel

TEMPLATE = "admin/articles/includes/dashboard.html"


def dashboard(request):
    """The dashboard's lists for `request.user`, or None if they may not see articles."""
    user = request.user
    if not (user.has_perm(VIEW_ARTICLE) or user.has_perm(CHANGE_ARTICLE)):
        return None
    now = timezone.now()
    editor = can_publish(user)
    return {
        "stylesheet": "css/admin-dashboard.css",
        "is_editor": editor,
        "drafts": selectors.my_drafts(user),
        "review": selectors.awaiting_review(user),
        "proposals": selectors.pending_proposals(user),
        "scheduled": selectors.scheduled(user, now),
        "schedule_days": selectors.SCHEDULE_DAYS,
        "published": selectors.recently_published(user, now),
        "recent_days": selectors.RECENT_DAYS,
        "stale": selectors.stale_translations(user),
        "problems": problems.with_problems(user),
        "decisions": None if editor else selectors.review_decisions(user, now),
        "decision_days": selectors.DECISION_DAYS,
        "time_zone": timezone.get_default_timezone_name(),
    }


register_index_panel("editorial-dashboard", TEMPLATE, dashboard)
