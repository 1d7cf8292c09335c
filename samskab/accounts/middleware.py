from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from samskab.core.admin_site import authenticated_with_mfa
from samskab.networks.predicates import staff_network_ids

ALLOWED_URL_NAMES = {
    "mfa_activate_totp",
    "mfa_index",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "account_logout",
    "account_reauthenticate",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
    "account_email",
    "account_confirm_email",
    "account_email_verification_sent",
    "healthz",
    "theme_css",
    "set_language",
    "javascript-catalog",
}


def must_have_mfa(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(staff_network_ids(user))


class StaffMFARequiredMiddleware:
    """Secretariat staff (and Django staff) must set up an authenticator app before they
    can use anything else: every page sends them to the set-up page until they have. Once
    they have one, a session in which they did not give the code sends them to give it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.STAFF_MFA_REQUIRED or not request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is None or match.url_name in ALLOWED_URL_NAMES:
            return None
        if request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return None
        if not must_have_mfa(request.user):
            return None
        if is_mfa_enabled(request.user, types=["totp"]):
            if authenticated_with_mfa(request):
                return None
            # Defence in depth: a staff session made without the second factor (a door
            # that skipped it) reaches nothing until the code is given.
            if match.url_name in ("mfa_reauthenticate", "account_reauthenticate"):
                return None
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        messages.warning(
            request,
            _(
                "Secretariat staff must use two-factor authentication. "
                "Set up an authenticator app to continue."
            ),
        )
        return redirect(reverse("mfa_activate_totp"))
