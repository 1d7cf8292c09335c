from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _


def authenticated_with_mfa(request) -> bool:
    """Whether this session's user gave a second factor in this session, as allauth
    records it (at log-in, or when asked again for the code)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class SamskabAdminSite(admin.AdminSite):
    """The Django admin, open to superusers and to every network's secretariat staff.

    It has no log-in of its own: its log-in page sends to allauth's, so the admin is
    reached only through the same log-in, second factor and rate limits as the site."""

    site_header = _("Samskab administration")
    site_title = _("Samskab administration")
    index_title = _("The network's data")

    def has_permission(self, request):
        user = request.user
        return (
            user.is_active
            and user.has_perm("networks.access_admin")
            and self._second_factor_given(request)
        )

    def _second_factor_given(self, request) -> bool:
        if not settings.STAFF_MFA_REQUIRED and not is_mfa_enabled(request.user):
            return True
        return authenticated_with_mfa(request)

    def login(self, request, extra_context=None):
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            query = urlencode({REDIRECT_FIELD_NAME: next_url})
            return HttpResponseRedirect(f"{reverse('account_login')}?{query}")
        if self.has_permission(request):
            return HttpResponseRedirect(next_url)
        if not (user.is_active and user.has_perm("networks.access_admin")):
            # Logged in, but not someone the admin is for (sending them to the log-in
            # page would only bring them back here).
            raise PermissionDenied
        # Staff whose session has no second factor yet: set one up, or give the code.
        if not is_mfa_enabled(user):
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        query = urlencode({REDIRECT_FIELD_NAME: next_url})
        return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{query}")
