from django.contrib.admin.apps import AdminConfig


class SamskabAdminConfig(AdminConfig):
    default_site = "samskab.core.admin_site.SamskabAdminSite"
