import sys

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import health
from .params import InvalidNumber


@require_GET
def healthz(request):
    """Liveness and readiness. The database must answer (else 503). The cache, Redis and
    the task queue are reported: when Redis is down the site still serves (from the
    database), so the answer stays 200 with ``"status": "degraded"``. ``queue_age`` is the
    seconds the oldest task that is due has waited (0 when none waits)."""
    status = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure is "down"
        status["database"] = f"error: {exc.__class__.__name__}"
    try:
        cache.set("healthz", "1", 5)
        if cache.get("healthz") != "1":
            status["cache"] = "error: value not kept"
    except Exception as exc:  # noqa: BLE001
        status["cache"] = f"error: {exc.__class__.__name__}"
    if settings.REDIS_URL:
        status["redis"] = health.redis_status(settings.REDIS_URL)
    queue = health.queue_status(settings.TASKS_BACKEND)
    database_ok = status["database"] == "ok"
    ok = all(v == "ok" for v in status.values()) and queue["queue"] == "ok"
    body = {"status": "ok" if ok else ("degraded" if database_ok else "error"), **status, **queue}
    return JsonResponse(body, status=200 if database_ok else 503)


def error_403(request, exception=None):
    message = str(exception) if exception and str(exception) else ""
    return render(request, "403.html", {"message": message}, status=403)


def error_500(request):
    """The database gone (restarting, failing over): 503 with Retry-After, a page that needs
    no database; anything else: the plain 500 page. Both are self-contained templates."""
    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError | InterfaceError):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = "5"
        return response
    return render(request, "500.html", status=500)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_400(request, exception=None):
    """A bad request; a bad number says what was expected (``samskab.core.params``)."""
    message = exception.message if isinstance(exception, InvalidNumber) else ""
    return render(request, "400.html", {"message": message}, status=400)
