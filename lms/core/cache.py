"""Caching of what every anonymous visitor sees alike, invalidated by any content change.

Every cached value is stored with the content "generation" it was computed under; publishing,
unpublishing, moving or deleting a page and saving or deleting a material bumps the generation
(lms/core/signals.py), so all older entries stop matching at once, whatever they depend on.

The anonymous page cache keeps one copy of each state of a page, not one per URL. A page tells
the cache which URL parameters it reads and how its own links spell the state it shows
(`vary_on_query`), and the cache remembers that per path, as Django's cache middleware remembers
the headers a URL varies on. A page that says nothing reads no parameter: one that reads any must
say so, or its copy without them would answer them (tests/security/test_page_cache.py tries every
public parameter).

The key is the host, the path and only the parameters the page reads, names in a fixed order,
each one's values once and sorted, a parameter whose values are all blank left out (an optional
form field reads it as absent). Every other parameter (`utm_source`, `fbclid`…) is ignored, so
such a URL is answered from the page's one copy. A copy is stored only from a URL that carries
exactly the state the page showed, spelled its way: never from one with other parameters (which
the page might echo in its links), another spelling of a value (`?page=02`) or a page past the
end, and never for a text search, where every new text would be a new copy. Invalid values
answer 400, which is never stored. Even so, valid states are too many to keep (every combination
of the library's filters, every page of results), so at most PAGE_CACHE_MAX_PAGES copies are
stored per PAGE_CACHE_SECONDS: the cache stays bounded however many URLs are asked for, and what
is not stored is rendered as if the cache were off.

Pages that show a person's data (a certificate) are never stored: their views send
`Cache-Control: private, no-store` (`never_cache`), which the cache honours, so deleting the
person or the record shows at once without any invalidation.
"""

import hashlib
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "content:generation"
PAGE_KEY_PREFIX = "page:"
READS_KEY_PREFIX = "page-reads:"
STORED_COUNT_PREFIX = "page-count:"
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


def vary_on_query(response, reads, shown=()):
    """Tell the anonymous page cache which URL parameters the page reads, and return `response`.

    `reads`: the names of every parameter the page reads. `shown`: the (name, value) pairs of the
    state the response shows, spelled as the page's own links spell it; None to store no copy of
    it (a text search). A page that does not call this reads no parameter.
    """
    response.page_cache_query = (tuple(sorted(reads)), None if shown is None else _state(shown))
    return response


def _state(pairs, names=None):
    """The parameters as ((name, values), …) in a fixed order, keeping only `names` if given:
    each name's distinct values sorted, and no name whose every value is blank."""
    values = {}
    for name, value in pairs:
        if names is None or name in names:
            values.setdefault(name, set()).add(str(value))
    return tuple(
        (name, tuple(sorted(found)))
        for name, found in sorted(values.items())
        if any(value.strip() for value in found)
    )


def _query_pairs(request):
    return [(name, value) for name, values in request.GET.lists() for value in values]


def _path_hash(request):
    return hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()


def _page_key(request, reads):
    state = urlencode(_state(_query_pairs(request), reads), doseq=True)
    url = f"{request.get_host()}{request.path}?{state}"
    return PAGE_KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def _room_for_another_page(timeout):
    """Count a copy against this window's PAGE_CACHE_MAX_PAGES; the copies alive at any time
    are at most this window's and the last one's."""
    counter = f"{STORED_COUNT_PREFIX}{int(time.time() // timeout)}"
    cache.add(counter, 0, timeout * 2)
    try:
        return cache.incr(counter) <= settings.PAGE_CACHE_MAX_PAGES
    except ValueError:  # The counter was evicted: the cache is short of memory already.
        return False


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

    Sits before the session and authentication middleware so that a hit costs two cache round
    trips (which parameters the path reads, then the page). Requests carrying a session or
    messages cookie always reach the view, which is why a page that varies on Cookie can still
    be shared between visitors who have none.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if not timeout or not _is_anonymous_request(request):
            return self.get_response(request)
        reads_key = READS_KEY_PREFIX + _path_hash(request)
        generation, reads = stored_for_current_generation(reads_key)
        if reads is not None:
            stored = cache.get(_page_key(request, reads))
            if stored is not None and stored[0] == generation:
                response = stored[1]
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if request.method == "GET" and _is_shareable_response(request, response):
            reads, shown = getattr(response, "page_cache_query", ((), ()))
            entries = {reads_key: (generation, reads)}
            store = shown == _state(_query_pairs(request)) and _room_for_another_page(timeout)
            if store:
                entries[_page_key(request, reads)] = (generation, response)
            cache.set_many(entries, timeout)
            if store:
                response["X-Page-Cache"] = "miss"
        return response
