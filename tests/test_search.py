"""Site search: a cluster manager types words and finds editions, courses, modules and materials,
grouped by type, with matching skills to narrow down, and suggestions while typing."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import (
    EditionPageFactory,
    MaterialFactory,
    UserFactory,
    hidden_content,
    library_catalogue,
)


def _groups(response):
    return {group["label"]: group["results"] for group in response.context["groups"]}


@pytest.fixture
def strategy_academy(academy):
    """The academy with an edition, courses, modules and materials that speak of strategy: a
    third edition introduced as one on cluster strategy, its courses and their modules titled
    "Strategy in …", and the library's catalogue (tests/factories.py `library_catalogue`)."""
    EditionPageFactory(
        parent=academy.home,
        title="Turin 2023",
        slug="turin-2023",
        number=2,
        host_city="Turin",
        intro="<p>Two days on cluster strategy with the Piedmont clusters.</p>",
    )
    library_catalogue(academy)
    return academy


@pytest.mark.django_db
def test_search_groups_editions_courses_modules_and_materials(client, strategy_academy):
    response = client.get("/search/", {"q": "strategy"})
    assert response.status_code == 200
    groups = _groups(response)
    assert {"Editions", "Courses", "Modules", "Materials"} <= set(groups)
    labels = [group["label"] for group in response.context["groups"]]
    assert labels.index("Editions") < labels.index("Courses") < labels.index("Modules")
    assert labels[-1] == "Materials"
    assert strategy_academy.course.title in {c.title for c in groups["Courses"]}


@pytest.mark.django_db
def test_search_finds_materials_by_words_in_title_and_description(client, library):
    by_title = MaterialFactory(title="Platypus partnership map", description="A map.")
    by_description = MaterialFactory(title="Map of allies", description="Platypus alliances.")
    found = _groups(client.get("/search/", {"q": "platypus"}))["Materials"]
    assert set(found) == {by_title, by_description}


@pytest.mark.django_db
def test_matching_skills_appear_as_chips_and_filter_the_results(client, strategy_academy):
    response = client.get("/search/", {"q": "action planning"})
    chips = {chip.slug for chip in response.context["skill_chips"]}
    assert "action-planning" in chips
    assert 'href="?q=action+planning&amp;skill=action-planning"' in response.content.decode()

    filtered = client.get("/search/", {"q": "strategy", "skill": "action-planning"})
    skill = strategy_academy.action_planning
    for label, results in _groups(filtered).items():
        for result in results:
            tagged = result if label == "Materials" else result.specific
            assert skill in tagged.skills.all(), (label, result)
    assert "Editions" not in _groups(filtered)
    assert _groups(filtered)["Courses"]


@pytest.mark.django_db
def test_autocomplete_suggests_titles_as_json(client, academy):
    response = client.get("/search/autocomplete/", {"q": "strat"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    results = response.json()["results"]
    assert any(r["title"] == academy.course.title and r["type"] == "Course" for r in results)
    assert all(r["url"].startswith("/") for r in results)
    assert client.get("/search/autocomplete/").json() == {"query": "", "results": []}


@pytest.mark.django_db
def test_only_the_first_ten_words_are_searched_and_the_visitor_is_told(client, library):
    """Each word is a search of its own (issue 19): a text of a hundred one-letter words took
    twenty times a normal query. Words beyond the tenth are ignored, here and in the library."""
    MaterialFactory(title="Crossing workbook")
    text = " ".join(["crossing workbook"] * 5 + ["nowhere"] * 10)
    note = "Only the first 10 words are searched"

    suggestions = client.get("/search/autocomplete/", {"q": text}).json()
    assert suggestions["query"] == " ".join(["crossing workbook"] * 5)
    assert suggestions["note"] == f"{note}."
    assert [result["title"] for result in suggestions["results"]] == ["Crossing workbook"]
    for url in ("/search/", "/materials/"):
        response = client.get(url, {"q": text})
        assert response.status_code == 200
        assert note in response.content.decode(), url
        assert "Crossing workbook" in response.content.decode(), url
    assert client.get("/search/", {"q": "crossing workbook"}).content.decode().count(note) == 0


@pytest.mark.django_db
def test_search_page_loads_the_local_autocomplete_script(client):
    html = client.get("/search/").content.decode()
    assert 'src="/static/js/search-autocomplete.js"' in html
    assert 'data-autocomplete-url="/search/autocomplete/"' in html
    assert "http" not in html.split("<script", 1)[1].split(">", 1)[0]


@pytest.mark.django_db
@pytest.mark.parametrize("as_learner", [False, True])
def test_hidden_content_never_appears_in_search_or_autocomplete(client, academy, as_learner):
    if as_learner:
        client.force_login(UserFactory())
    hidden = hidden_content(academy)
    response = client.get("/search/", {"q": "quokka"})
    assert response.status_code == 200
    assert response.context["groups"] == []
    assert "Quokka" not in response.content.decode().replace("“quokka”", "")
    filtered = client.get("/search/", {"q": "quokka", "skill": "action-planning"})
    assert filtered.context["groups"] == []
    suggestions = client.get("/search/autocomplete/", {"q": "quok"}).json()["results"]
    assert suggestions == []
    assert len(hidden) == 9


@pytest.mark.django_db
def test_only_a_skill_filter_reads_the_taxonomy_to_check_it(client, academy):
    def reads_every_skill(params):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", params)
        taxonomy = [q for q in queries if 'FROM "skills_skill"' in q["sql"]]
        return response.status_code, any("WHERE" not in q["sql"] for q in taxonomy)

    assert reads_every_skill({"q": "strategy"}) == (200, False)
    assert reads_every_skill({"q": "strategy", "skill": ""}) == (200, False)
    assert reads_every_skill({"q": "strategy", "skill": "action-planning"}) == (200, True)
    assert reads_every_skill({"q": "strategy", "skill": "no-such-skill"}) == (400, True)
