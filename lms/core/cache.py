"""Caching of what every anonymous visitor sees alike, invalidated by any content change.

Every cached value is stored with the content "generation" it was computed under; publishing,
unpublishing, moving or deleting a page and saving or deleting a material bumps the generation
(lms/core/signals.py), so all older entries stop matching at once, whatever they depend on.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "content:generation"
PAGE_KEY_PREFIX = "page:"
# Besides the session cookie: messages waiting for the visitor in the messages cookie.
MESSAGES_COOKIE = "messages"
SKIPPED_PATH_PREFIXES = ("/admin/", "/accounts/", "/api/", "/healthz/", "/documents/")


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh (or evicted) counter must not collide with the numbers entries were stored under.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation():
    """Invalidate everything cached so far; again once the transaction commits, so that no
    request reading the old rows during the transaction can store them under the new number."""
    _bump()
    transaction.on_commit(_bump)


def _bump():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def stored_for_current_generation(key):
    """(current generation, what `key` holds if it was stored under it, else None), in one
    round trip to the cache."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = current_generation()
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        return generation, stored[1]
    return generation, None


def cached_for_content(key, compute):
    """compute() cached until the next content change, e.g. the library's facet counts.

    Only where pages are cached too (PAGE_CACHE_SECONDS, with a shared cache): a cache in each
    process's own memory would keep serving what another process's change made stale.
    """
    if not settings.PAGE_CACHE_SECONDS:
        return compute()
    generation, value = stored_for_current_generation(key)
    if value is None:
        value = compute()
        cache.set(key, (generation, value), settings.PAGE_CACHE_SECONDS)
    return value


def _page_key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    return PAGE_KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def _is_anonymous_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES:
        return False
    return not request.path.startswith(SKIPPED_PATH_PREFIXES)


def _is_shareable_response(request, response):
    """Only a complete public HTML page that sets nothing for this visitor may be shared."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    # A message added and shown within this very request is still personal.
    messages = getattr(request, "_messages", None)
    return not (messages is not None and messages._queued_messages)


class AnonymousPageCacheMiddleware:
    """Serves anonymous GETs of public pages from the cache.

    Sits before the session and authentication middleware so that a hit costs one cache
    round trip. Requests carrying a session or messages cookie always reach the view, which is
    why a page that varies on Cookie can still be shared between visitors who have none.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if not timeout or not _is_anonymous_request(request):
            return self.get_response(request)
        key = _page_key(request)
        generation, response = stored_for_current_generation(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and _is_shareable_response(request, response):
            cache.set(key, (generation, response), timeout)
            response["X-Page-Cache"] = "miss"
        return response
