from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class SamskabAdminSite(admin.AdminSite):
    """The Django admin, open to superusers and to every network's secretariat staff."""

    site_header = _("Samskab administration")
    site_title = _("Samskab administration")
    index_title = _("The network's data")

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.has_perm("networks.access_admin")
