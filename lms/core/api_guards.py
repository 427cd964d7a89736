"""Requests that Wagtail 8.0's v3 API would answer with a 500 get the 4xx problem document instead.

Found by schemathesis (tests/security/test_schemathesis.py). Each guard stands in for one bug in
Wagtail's own routers, which we do not patch; drop a guard once Wagtail refuses the case itself:

- a JSON body that is not an object: every v3 body is an object, but the page schemas' type
  discriminator fails on anything else (AttributeError in `discriminate_meta_type`);
- copying or aliasing the tree's root without a destination: the default destination is the
  page's parent, which the root does not have (AttributeError in `find_available_slug`);
- moving a page beside the root (a sibling position, or none): the root has no parent to move
  into (AttributeError in `can_move_to`);
- a page id in the path that is not a number: the page update reads the page's type with it
  before Ninja validates it (ValueError in `get_meta_type`);
- an id beyond any database key, in the path or a `*_id` filter: Django protects plain integer
  lookups from it but not lookups through a relation (a specific page's `page_ptr`, a revision's
  user), and SQLite then fails with OverflowError;
- an `offset` beyond any database key in a listing: it goes into SQL's OFFSET as it is, which
  SQLite cannot hold (OverflowError);
- a snippet key that is not a valid primary key for its model: the lookup raises ValueError
  instead of finding nothing;
- a `search` text the backend cannot take: Wagtail hands it over as it is, and on SQLite an
  unbalanced double quote is a syntax error and a blank text fails to compile, while no database
  takes a NUL character. It is cleaned first (see `clean_search`);
- a `search` text of hundreds of words: the backend nests one query node per word and compiles
  them recursively (RecursionError at about 450 words, on SQLite and PostgreSQL alike), so a text
  longer than the site's search takes is refused (see `_clean_search_param`).

One check is a rule of ours rather than a workaround: documents and images are an editor's tool,
and Wagtail's v3 API lists every one of them to anyone (outside private collections), with its
download URL, whatever uses it. Their routes answer only to an editor's bearer token
(`_check_media_access`); keep that check when the workarounds go.
"""

import json

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import problem_response
from wagtail.coreutils import resolve_model_string
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from lms.core.search_text import MAX_QUERY_LENGTH, MAX_QUERY_WORDS

API_NAMESPACE = "wagtailapi_v3"
ACTIONS_DEFAULTING_TO_THE_PARENT = {"pages_actions_copy", "pages_actions_create_alias"}
CHILD_POSITIONS = {"first-child", "last-child"}
# The largest key a database here can hold (a signed 64-bit integer).
MAX_KEY = 2**63 - 1
# Stands for "no JSON body", since a body may be JSON's null.
NO_JSON = object()
# Any of these on a model, in some collection, makes a user one of its editors.
EDITING_ACTIONS = ("add", "change", "choose", "delete")


def _json_body(request):
    """The request's JSON body, or NO_JSON when it has none or it is not JSON.

    Django Ninja reads a body parameter as JSON whatever the content type says, so only a real
    multipart upload (one with a boundary, possibly large) is left unread.
    """
    if request.content_type == "multipart/form-data" and "boundary" in request.content_params:
        return NO_JSON
    if not request.body:
        return NO_JSON
    try:
        return json.loads(request.body)
    except ValueError:
        # Wagtail answers unparsable JSON with a 422 itself.
        return NO_JSON


def is_editor_of(user, model):
    """Whether the user may add, change, choose or delete instances of the model (a document or an
    image) in some collection, as Wagtail's permission policy for it says."""
    return policy_registry.get_by_type(model).user_has_any_permission(user, EDITING_ACTIONS)


def _media_model(request):
    """The document or image model when the request is for one of their v3 routes, else None."""
    for first_route, get_model in (
        ("list_documents", get_document_model),
        ("list_images", get_image_model),
    ):
        if request.path.startswith(reverse(f"{API_NAMESPACE}:{first_route}")):
            return get_model()
    return None


def _check_media_access(request, match):
    """Every document and image route, read or write, answers only to a bearer token of one of the
    model's editors. Anyone else gets the 404 Wagtail gives for a document that does not exist:
    a 401 or 403 would tell the public that there is something behind a token."""
    model = _media_model(request)
    if model is None:
        return None
    # Wagtail's own token check; as in its routes, a session never counts in the API.
    token = BearerTokenAuth()(request)
    if token is None or not is_editor_of(token.user, model):
        return problem_response(status=404, detail="Not found")
    return None


def _is_root(page_id):
    return Page.objects.filter(pk=page_id, depth=1).exists()


def _unprocessable(detail):
    return problem_response(status=422, detail=detail)


def _check_body(request, match):
    if request.method not in ("POST", "PUT", "PATCH"):
        return None
    body = _json_body(request)
    if body is not NO_JSON and not isinstance(body, dict):
        return _unprocessable("The request body must be a JSON object.")
    return None


def _check_page_tree(request, match):
    body = _json_body(request)
    body = body if isinstance(body, dict) else {}
    page_id = match.kwargs.get("page_id", "")
    if match.url_name in ACTIONS_DEFAULTING_TO_THE_PARENT:
        if body.get("destination_id") is None and _is_root(page_id):
            return _unprocessable("The root of the page tree has no parent: give a destination.")
    elif match.url_name == "pages_actions_move":
        destination, position = body.get("destination_id"), body.get("position")
        # Positions that are not strings are Wagtail's to refuse.
        if (
            (position is None or isinstance(position, str))
            and position not in CHILD_POSITIONS
            and isinstance(destination, int)
            and _is_root(destination)
        ):
            return _unprocessable("Nothing can stand beside the root of the page tree.")
    return None


def _beyond_any_key(digits):
    # Checked on the length first: Python refuses to convert strings of thousands of digits.
    return len(digits) > len(str(MAX_KEY)) or int(digits) > MAX_KEY


def _check_ids(request, match):
    # Every id in a v3 path is a positive integer; Ninja answers other values with a 422 too.
    for name, value in match.kwargs.items():
        if not name.endswith("_id"):
            continue
        if not (value.isascii() and value.isdigit()):
            return _unprocessable(f"{name}: a positive integer is expected.")
        if _beyond_any_key(value):
            return problem_response(status=404, detail="Not found")
    for name, values in request.GET.lists():
        if (name == "offset" or name.endswith("_id")) and any(
            value.isascii() and value.isdigit() and _beyond_any_key(value) for value in values
        ):
            return _unprocessable(f"{name}: at most {MAX_KEY}.")
    return None


def _check_snippet_key(request, match):
    if "type" not in match.kwargs or "pk" not in match.kwargs:
        return None
    try:
        model = resolve_model_string(match.kwargs["type"])
    except (LookupError, ValueError):
        # Wagtail refuses unknown snippet types itself.
        return None
    try:
        model._meta.pk.to_python(unquote(match.kwargs["pk"]))
    except ValidationError:
        return problem_response(status=404, detail="Not found")
    return None


def clean_search(text):
    """The search text without NULs, and without its double quotes if they do not pair up (paired
    ones make a phrase); None when nothing is left to search for."""
    text = text.replace("\x00", " ")
    if text.count('"') % 2:
        text = text.replace('"', " ")
    return text if text.strip() else None


def _too_long(search):
    return len(search) > MAX_QUERY_LENGTH or len(search.split()) > MAX_QUERY_WORDS


def _clean_search_param(request, match):
    if "search" not in request.GET:
        return None
    params = request.GET.copy()
    # A blank search is no search, as in the library: everything is listed.
    cleaned = [text for text in map(clean_search, params.getlist("search")) if text is not None]
    if any(map(_too_long, cleaned)):
        return _unprocessable(
            f"search: at most {MAX_QUERY_LENGTH} characters and {MAX_QUERY_WORDS} words."
        )
    if cleaned:
        params.setlist("search", cleaned)
    else:
        del params["search"]
    request.GET = params
    return None


class WagtailApiGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != API_NAMESPACE:
            return None
        for check in (
            # First, so that nothing else tells the public anything about these routes.
            _check_media_access,
            _check_ids,
            _check_body,
            _check_page_tree,
            _check_snippet_key,
            _clean_search_param,
        ):
            response = check(request, match)
            if response is not None:
                return response
        return None
