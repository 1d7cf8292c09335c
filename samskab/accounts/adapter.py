from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.requests import RequestSite
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.utils import translation
from django.utils.html import strip_tags

from samskab.core.client_ip import client_ip
from samskab.core.tasks import send_email


class QueuedEmail(EmailMultiAlternatives):
    """A rendered mail that, when sent, goes out through the tasks API."""

    def send(self, fail_silently=False):
        html = next((c for c, mimetype in self.alternatives if mimetype == "text/html"), "")
        body = self.body
        if self.content_subtype == "html":
            html, body = body, strip_tags(body)
        send_email.enqueue(subject=self.subject, body=body, to=list(self.to), html=html)
        return 1


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's e-mails through the tasks API, in the reader's language, signed
    with the network of the request."""

    def send_mail(self, template_prefix, email, context):
        request = context.get("request") or allauth_context.request
        language = translation.get_language()
        user = context.get("user")
        if user is not None and getattr(user, "language", None) and request is None:
            language = user.language
        network = getattr(request, "network", None)
        if network is not None and "current_site" not in context:
            # allauth's "Hello from {site}!" and "{domain}": the network and its host.
            site = RequestSite(request)
            site.name = network.name
            context = {**context, "current_site": site}
        with translation.override(language):
            # allauth adds the rest of the context (request, email, current_site).
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        queued = QueuedEmail(
            message.subject,
            message.body,
            message.from_email,
            message.to,
            headers=message.extra_headers,
            alternatives=getattr(message, "alternatives", None),
        )
        queued.content_subtype = message.content_subtype
        return queued

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
