"""Whatever a URL carries, every public surface answers 200 with a clean result or a clear 4xx:
very long, unicode, NUL bytes, SQL and search syntax, unknown values, repeated parameters."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import UserFactory
from tests.security.hostile import NASTY, examples

# Asked of the `academy` fixture, whose skills include action-planning.
SURFACES = {
    "/materials/": ["q", "skill", "tag", "edition", "kind", "language", "sort", "page"],
    "/search/": ["q", "skill"],
    "/search/autocomplete/": ["q"],
    "/skills/action-planning/": ["page"],
    "/api/v3/academy/materials/": [
        "q",
        "skill",
        "tag",
        "edition",
        "kind",
        "language",
        "sort",
        "limit",
        "offset",
    ],
    "/api/v3/academy/materials/facets/": ["q", "skill", "kind"],
    "/api/v3/academy/courses/": ["limit", "offset"],
}
CASES = [(path, param) for path, params in SURFACES.items() for param in params]


def _status(client, path, params):
    """The status of a GET whose query string carries `params` exactly, NUL bytes included."""
    response = client.get(f"{path}?{urlencode(params, doseq=True)}")
    return response.status_code


def _allowed(path, param):
    # Wagtail's paginator answers a non-integer limit/offset with a 422 problem document.
    if path.startswith("/api/") and param in ("limit", "offset"):
        return {200, 400, 422}
    return {200, 400}


@pytest.mark.parametrize(("path", "param"), CASES)
def test_nasty_values_never_cause_a_500(client, academy, path, param):
    for value in NASTY:
        assert _status(client, path, {param: value}) in _allowed(path, param), value
    # The same parameter repeated, with a good and a bad value.
    assert _status(client, path, {param: ["slides", "\x00", "x" * 300]}) in _allowed(path, param)


@pytest.mark.parametrize(("path", "param"), CASES)
def test_arbitrary_strings_never_cause_a_500(client, academy, path, param):
    @examples
    @given(values=st.lists(st.text(max_size=300), min_size=1, max_size=3))
    def check(values):
        assert _status(client, path, {param: values}) in _allowed(path, param)

    check()


# Parameters carried in the path: unknown values are a 404 (or the page saying the link is
# invalid), never a 500.
PATH_SURFACES = {
    "/certificates/{}/": {404},
    "/skills/{}/": {200, 404},
    "/materials/{}/": {200, 404},
    "/accounts/confirm/{}/{}/": {400, 404},
    # An invalid reset link renders a page saying so (200), or redirects to its own form first.
    "/accounts/password/reset/{}/{}/": {200, 302, 404},
}


@pytest.mark.parametrize("template", PATH_SURFACES)
def test_arbitrary_path_segments_never_cause_a_500(client, academy, template):
    @examples
    @given(values=st.lists(st.text(min_size=1, max_size=100), min_size=2, max_size=2))
    def check(values):
        path = template.format(*(quote(value, safe="") for value in values))
        assert client.get(path).status_code in PATH_SURFACES[template], path

    check()
    for value in NASTY[1:]:
        path = template.format(quote(value, safe=""), "x")
        assert client.get(path).status_code in PATH_SURFACES[template], path


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/"])
def test_arbitrary_next_values_never_cause_a_500(client, path):
    @examples
    @given(next_url=st.one_of(st.sampled_from(NASTY), st.text(max_size=300)))
    def check(next_url):
        assert _status(client, path, {"next": next_url}) == 200

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/learning/", "/accounts/profile/", "/accounts/export/"])
def test_a_learners_own_pages_ignore_whatever_the_url_carries(client, path):
    client.force_login(UserFactory())

    @examples
    @given(
        params=st.dictionaries(st.sampled_from(["q", "page", "user", "id", "format"]), st.text())
    )
    def check(params):
        assert _status(client, path, params) == 200

    check()
