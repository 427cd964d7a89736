"""The academy's JSON API on Wagtail's v3 API: materials with the library's filters, the skills
taxonomy with counts, and courses with their modules, all described by the OpenAPI schema."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from courses.models import CoursePage, EditionPage
from materials.models import Material
from tests.factories import MaterialFactory, UserFactory, hidden_content, library_catalogue

ACADEMY = "/api/v3/academy/"
# A request for every documented academy operation, with each of its parameters used.
EXAMPLES = {
    "/api/v3/academy/materials/": [
        {},
        {"skill": ["strategy-foresight", "kpis-impact"], "kind": "slides", "language": "en"},
        {"tag": "cluster-strategy", "edition": "strasbourg-2023", "sort": "title"},
        {"q": "strategy", "limit": 5, "offset": 5},
        {"kind": "podcast"},
    ],
    "/api/v3/academy/materials/facets/": [{}, {"skill": "action-planning", "q": "plan"}],
    "/api/v3/academy/materials/{slug}/": [
        {"slug": "action-plan-template"},
        {"slug": "no-such-material"},
    ],
    "/api/v3/academy/skills/": [{}],
    "/api/v3/academy/courses/": [{}, {"limit": 2, "offset": 3}],
    "/api/v3/academy/sessions/": [{}, {"edition": 999999, "limit": 2, "offset": 1}],
    "/api/v3/academy/sessions/{uid}/": [{"uid": "00000000-0000-0000-0000-000000000000"}],
    # Without a token: a documented 401 (tests/cohorts/test_application_api.py reads them).
    "/api/v3/academy/applications/": [{}, {"edition": 1, "status": "accepted", "limit": 2}],
    "/api/v3/academy/applications/{application_id}/": [{"application_id": "1"}],
    # Without a token too (tests/assessments/test_recommendations.py reads them with one).
    "/api/v3/academy/me/recommendations/": [{}],
    "/api/v3/academy/me/assessments/": [{}, {"limit": 2, "offset": 1}],
    # Without a token too (tests/coaching/test_api.py reads them with one).
    "/api/v3/academy/me/submissions/": [{}, {"limit": 2, "offset": 1}],
    "/api/v3/academy/me/submissions/{submission_id}/": [{"submission_id": "1"}],
    "/api/v3/academy/me/action-plans/": [{}, {"limit": 2, "offset": 1}],
    # Staff only, so a 401 here (tests/assessments/test_cohort_skills.py reads it with a token).
    "/api/v3/academy/editions/{edition_id}/skills/": [{"edition_id": "1"}],
}


@pytest.fixture
def catalogue(academy):
    """The academy's library with 31 published materials, varied in every facet: more than a
    page of them (tests/factories.py `library_catalogue`)."""
    return [academy.material, *library_catalogue(academy)]


@pytest.fixture(scope="module")
def openapi(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return Client().get("/api/v3/openapi.json").json()


def test_openapi_schema_validates(openapi):
    errors = list(OpenAPIV31SpecValidator(openapi).iter_errors())
    # Wagtail 8.0.1 declares its AllowAnonymous scheme as {"type": "http"} without the required
    # "scheme"; that one known upstream defect aside, the schema must be valid.
    assert [list(e.absolute_path) for e in errors] <= [
        ["components", "securitySchemes", "AllowAnonymous"]
    ]
    fixed = {**openapi, "components": {**openapi["components"]}}
    fixed["components"]["securitySchemes"] = {
        **openapi["components"]["securitySchemes"],
        "AllowAnonymous": {"type": "http", "scheme": "bearer"},
    }
    validate(fixed)


def test_every_academy_endpoint_and_parameter_is_documented(openapi):
    academy = {path: item for path, item in openapi["paths"].items() if path.startswith(ACADEMY)}
    # Reads are walked below; the moderation writes are driven in tests/test_api_write.py.
    submits = {f"{ACADEMY}pages/{{page_id}}/submit/", f"{ACADEMY}materials/{{material_id}}/submit/"}
    assert set(academy) == set(EXAMPLES) | submits
    assert all(set(academy[path]) == {"post"} for path in submits)
    listed = {p["name"] for p in academy["/api/v3/academy/materials/"]["get"]["parameters"]}
    assert {"q", "skill", "tag", "edition", "kind", "language", "sort", "limit", "offset"} <= listed
    assert {p["name"] for p in academy["/api/v3/academy/courses/"]["get"]["parameters"]} == {
        "limit",
        "offset",
    }


def _check_against_schema(openapi, operation, response):
    documented = operation["responses"]
    assert str(response.status_code) in documented, response.content
    schema = documented[str(response.status_code)]["content"]
    body_schema = next(iter(schema.values()))["schema"]
    OAS31Validator({**body_schema, "components": openapi["components"]}).validate(response.json())


@pytest.mark.django_db
def test_every_documented_academy_endpoint_answers_as_documented(client, catalogue, openapi):
    for path, examples in EXAMPLES.items():
        operation = openapi["paths"][path]["get"]
        for params in examples:
            params = dict(params)
            url = path.replace("{slug}", params.pop("slug", ""))
            url = url.replace("{uid}", params.pop("uid", ""))
            url = url.replace("{application_id}", params.pop("application_id", ""))
            url = url.replace("{edition_id}", params.pop("edition_id", ""))
            url = url.replace("{submission_id}", params.pop("submission_id", ""))
            _check_against_schema(openapi, operation, client.get(url, params))


@pytest.mark.django_db
def test_materials_api_lists_what_the_library_lists(client, catalogue):
    params = {"skill": "strategy-foresight", "kind": ["slides", "worksheet"], "limit": 20}
    data = client.get(f"{ACADEMY}materials/", params).json()
    library = client.get(
        "/materials/", {"skill": "strategy-foresight", "kind": ["slides", "worksheet"]}
    )
    assert data["count"] == library.context["page_obj"].paginator.count
    assert [m["slug"] for m in data["items"]] == [m.slug for m in library.context["page_obj"]]
    first = data["items"][0]
    assert first["url"] == f"/materials/{first['slug']}/"
    assert {s["area"] for s in first["skills"]}


@pytest.mark.django_db
def test_materials_api_pages_with_limit_and_offset(client, catalogue):
    total = Material.objects.published().count()
    first = client.get(f"{ACADEMY}materials/", {"limit": 10, "sort": "title"}).json()
    rest = client.get(f"{ACADEMY}materials/", {"limit": 20, "offset": 10, "sort": "title"}).json()
    assert first["count"] == total
    slugs = [m["slug"] for m in first["items"] + rest["items"]]
    assert slugs == sorted(slugs, key=lambda s: Material.objects.get(slug=s).title)[: len(slugs)]
    assert client.get(f"{ACADEMY}materials/", {"limit": 1000}).status_code == 400


@pytest.mark.django_db
def test_facets_api_counts_match_the_library(client, catalogue):
    params = {"skill": "action-planning", "language": "en"}
    data = client.get(f"{ACADEMY}materials/facets/", params).json()
    query = client.get("/materials/", params).context["query"]
    library = {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in query.facets()}
    assert {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in data["facets"]} == (
        library
    )


@pytest.mark.django_db
def test_skills_api_is_the_taxonomy_with_counts(client, academy, catalogue):
    areas = client.get(f"{ACADEMY}skills/").json()
    assert [(a["slug"], [s["slug"] for s in a["skills"]]) for a in areas] == [
        ("strategy-foresight", ["action-planning", "trend-analysis"]),
        ("performance-impact", ["kpis-impact", "member-satisfaction-surveys"]),
    ]
    planning = next(s for a in areas for s in a["skills"] if s["slug"] == "action-planning")
    skill = academy.action_planning
    assert planning["material_count"] == Material.objects.published().filter(skills=skill).count()
    assert planning["url"] == "/skills/action-planning/"


@pytest.mark.django_db
def test_courses_api_lists_courses_with_their_modules(client, academy):
    data = client.get(f"{ACADEMY}courses/", {"limit": 20}).json()
    assert data["count"] == CoursePage.objects.live().public().count() == 2
    course = next(c for c in data["items"] if c["title"] == "Strategy in Sofia 2024")
    page = CoursePage.objects.get(pk=course["id"])
    assert [m["id"] for m in course["modules"]] == [m.pk for m in page.get_modules()]
    assert course["edition"]["number"] == EditionPage.objects.ancestor_of(page).get().number
    assert course["estimated_minutes"] == sum(m.estimated_minutes for m in page.get_modules())


@pytest.mark.django_db
@pytest.mark.parametrize("as_learner", [False, True])
def test_hidden_content_never_appears_in_the_api(client, academy, catalogue, as_learner):
    if as_learner:
        client.force_login(UserFactory())
    before = {
        name: client.get(f"{ACADEMY}{name}/", {"limit": 20}).json()
        for name in ("materials/facets", "skills")
    }
    hidden = hidden_content(academy)
    for name, data in before.items():
        assert client.get(f"{ACADEMY}{name}/", {"limit": 20}).json() == data, name
    assert client.get(f"{ACADEMY}materials/", {"q": "quokka"}).json()["count"] == 0
    assert client.get(f"{ACADEMY}materials/{hidden['material'].slug}/").status_code == 404
    assert client.get(f"{ACADEMY}materials/", {"tag": "quokka-secret"}).status_code == 400
    courses = client.get(f"{ACADEMY}courses/", {"limit": 20}).content.decode()
    assert "Quokka" not in courses
    materials = client.get(f"{ACADEMY}materials/", {"limit": 20}).content.decode()
    assert "Quokka" not in materials


def _queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{ACADEMY}materials/", params).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_materials_api_runs_a_fixed_number_of_queries(
    client, academy, catalogue, django_assert_num_queries
):
    states = [
        {"limit": 20},
        {"skill": "strategy-foresight", "kind": ["slides", "worksheet"], "limit": 20},
        {"tag": "cluster-strategy", "language": "en", "edition": "strasbourg-2023", "limit": 20},
    ]
    _queries(client, {})
    small = [_queries(client, params) for params in states]
    skills = [academy.action_planning, academy.trend_analysis, academy.kpis, academy.surveys]
    for i in range(60):
        MaterialFactory(
            title=f"API drill {i}",
            kind=["slides", "worksheet"][i % 2],
            edition=[*academy.editions, None][i % 3],
            skills=skills[i % 4 : i % 4 + 2],
            tags=["cluster strategy"],
        )
    for params, count in zip(states, small, strict=True):
        with django_assert_num_queries(count):
            client.get(f"{ACADEMY}materials/", params)
    assert len(set(small)) == 1
