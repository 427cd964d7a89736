"""Operational endpoints."""

import logging
import sys
import uuid

from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was just stored")
    finally:
        cache.delete(key)


CHECKS = {"database": _database, "cache": _cache}


@never_cache
@require_safe
def healthz(request):
    """200 when the database and the cache answer, 503 naming what failed (for load balancers)."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure means unhealthy; the log keeps the detail
            logger.exception("Health check %s failed", name)
            results[name] = f"error: {type(error).__name__}"
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": results},
        status=200 if healthy else 503,
    )


def server_error(request):
    """Django's 500 page, except that a database gone away is a 503 worth retrying.

    Django calls this from inside the `except` block that caught the error, in views and
    middleware alike, so the exception is still at hand. While PostgreSQL restarts, visitors and
    load balancers then see "unavailable, retry shortly" instead of an internal error.
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        # Rendered without a request: no context processor may touch the missing database.
        body = loader.get_template("503.html").render()
        return HttpResponse(body, status=503, headers={"Retry-After": "5"})
    return defaults.server_error(request)
