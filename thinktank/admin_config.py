"""Django's admin app with the site's own AdminSite (thinktank.admin_site.SiteAdmin) as
`admin.site`: INSTALLED_APPS names this config in place of "django.contrib.admin"."""

from django.contrib.admin.apps import AdminConfig


class SiteAdminConfig(AdminConfig):
    default_site = "thinktank.admin_site.SiteAdmin"
