from django.contrib import admin


class SamskabAdminSite(admin.AdminSite):
    """The Django admin, open to superusers and to every network's secretariat staff."""

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.has_perm("networks.access_admin")
