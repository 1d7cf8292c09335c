from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.utils import translation

from samskab.core.client_ip import client_ip
from samskab.core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's e-mails through the tasks API, in the reader's language."""

    def send_mail(self, template_prefix, email, context):
        request = context.get("request") or getattr(self, "request", None)
        language = translation.get_language()
        user = context.get("user")
        if user is not None and getattr(user, "language", None) and request is None:
            language = user.language
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        send_email.enqueue(
            subject=message.subject, body=message.body, to=list(message.to), html=html
        )

    def get_client_ip(self, request):
        """allauth's rate limits count by the same client address as every other limit
        (X-Forwarded-For read only from TRUSTED_PROXIES)."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name = form.cleaned_data.get("name", "")
        user.language = translation.get_language() or "da"
        if commit:
            user.save()
        return user
