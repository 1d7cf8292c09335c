from django.conf import settings


def site(request):
    return {
        "network": getattr(request, "network", None),
        "SITE_URL": settings.SITE_URL,
    }
