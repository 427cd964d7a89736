"""Site search's skill filter and pages: the filter narrows the search itself, so every match of a
skill is found however it ranks, and the results come in pages like the materials library's.

Each test builds its own academy with the factories; what they save is indexed for search as it
is saved (Wagtail's signal handlers), and `update_index` below checks the index holds it.
"""

import re

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.search.backends import get_search_backend

import pytest

from materials.models import Material
from materials.models.library_query import PER_PAGE
from tests.factories import (
    CoursePageFactory,
    EditionPageFactory,
    MaterialFactory,
    ModulePageFactory,
    SkillAreaFactory,
    SkillFactory,
)

pytestmark = pytest.mark.django_db

WORD = "numbat"


def indexed():
    """Index everything again, as the site's own `update_index` would."""
    call_command("update_index", verbosity=0)


def results(response):
    """The titles on one page of results, in the order shown, and the type each is listed under."""
    return [
        (group["label"], result.title)
        for group in response.context["groups"]
        for result in group["results"]
    ]


def titles(response):
    return [title for _, title in results(response)]


@pytest.fixture
def skill(db):
    return SkillFactory(name="Value chains", slug="value-chains")


@pytest.fixture
def many_matches(library, skill):
    """70 matching materials: 62 with the word in their title, then 8 tagged with the skill that
    have it only in their description, so that all of those rank below the first 60."""
    untagged = [
        MaterialFactory(title=f"{WORD.capitalize()} map {i}", description=f"A {WORD} map.")
        for i in range(62)
    ]
    tagged = [
        MaterialFactory(title=f"Tagged sheet {i}", description=f"About a {WORD}.", skills=[skill])
        for i in range(8)
    ]
    indexed()
    return untagged, tagged


def test_a_skills_matches_ranked_below_the_first_60_are_all_found(client, skill, many_matches):
    untagged, tagged = many_matches
    ranking = [m.pk for m in get_search_backend().search(WORD, Material.objects.published())]
    assert len(ranking) == 70
    assert min(ranking.index(material.pk) for material in tagged) >= 60

    response = client.get("/search/", {"q": WORD, "skill": skill.slug})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == len(tagged)
    assert sorted(titles(response)) == sorted(material.title for material in tagged)
    assert not {m.title for m in untagged} & set(titles(response))
    assert f"{len(tagged)} results" in response.content.decode()


def test_without_the_filter_every_match_is_counted(client, many_matches):
    response = client.get("/search/", {"q": WORD})
    assert response.context["page_obj"].paginator.count == 70
    assert response.context["page_obj"].paginator.num_pages == 3


def test_an_area_filter_finds_each_material_of_its_skills_once(client, library):
    area = SkillAreaFactory(name="Internationalisation", slug="internationalisation")
    exports = SkillFactory(name="Export support", slug="export-support", area=area)
    fairs = SkillFactory(name="Trade fairs", slug="trade-fairs", area=area)
    other = SkillFactory(name="Cluster finance", slug="cluster-finance")
    both = MaterialFactory(title=f"{WORD} both", skills=[exports, fairs])
    one = MaterialFactory(title=f"{WORD} one", skills=[fairs])
    MaterialFactory(title=f"{WORD} other", skills=[other])
    MaterialFactory(title=f"{WORD} draft", skills=[exports], live=False)
    indexed()

    response = client.get("/search/", {"q": WORD, "skill": area.slug})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 2
    assert sorted(titles(response)) == sorted([both.title, one.title])


def test_the_filter_keeps_only_courses_and_modules_tagged_with_the_skill(client, home, skill):
    edition = EditionPageFactory(parent=home, title=f"{WORD.capitalize()} edition")
    tagged_course = CoursePageFactory(parent=edition, title=f"{WORD} tagged course")
    untagged_course = CoursePageFactory(parent=edition, title=f"{WORD} untagged course")
    tagged_module = ModulePageFactory(parent=untagged_course, title=f"{WORD} tagged module")
    ModulePageFactory(parent=tagged_course, title=f"{WORD} untagged module")
    for page in (tagged_course, tagged_module):
        page.skills.add(skill)
        page.save()
    indexed()

    everything = client.get("/search/", {"q": WORD})
    assert everything.context["page_obj"].paginator.count == 5
    response = client.get("/search/", {"q": WORD, "skill": skill.slug})
    assert results(response) == [
        ("Courses", tagged_course.title),
        ("Modules", tagged_module.title),
    ]


def test_the_number_of_queries_does_not_grow_with_the_matches(client, library, skill):
    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/", params)
        assert response.status_code == 200
        return len(captured)

    params = {"q": WORD, "skill": skill.slug}
    MaterialFactory(title=f"{WORD} 0", skills=[skill])
    queries(params)  # The first request reads the site and content types, then kept in memory.
    few = queries(params)
    for i in range(1, 40):
        MaterialFactory(title=f"{WORD} {i}", skills=[skill])
    assert queries(params) == few
    assert queries({**params, "page": 2}) == few


# Pages of results


@pytest.fixture
def pages_and_materials(home, library):
    """3 matching pages and 30 matching materials: 33 results, two pages of them."""
    edition = EditionPageFactory(parent=home, title="Quoll edition")
    course = CoursePageFactory(parent=edition, title="Quoll course")
    ModulePageFactory(parent=course, title="Quoll module")
    for i in range(30):
        MaterialFactory(title=f"Quoll sheet {i:02}")
    indexed()


def test_page_two_shows_the_next_results(client, pages_and_materials):
    first = client.get("/search/", {"q": "quoll"})
    second = client.get("/search/", {"q": "quoll", "page": 2})
    assert first.context["page_obj"].paginator.count == 33
    assert len(titles(first)) == PER_PAGE
    assert len(titles(second)) == 33 - PER_PAGE
    # Pages first, then materials, each group once on a page.
    assert [label for label, _ in results(first)][:3] == ["Editions", "Courses", "Modules"]
    assert {label for label, _ in results(second)} == {"Materials"}
    shown = titles(first) + titles(second)
    assert len(set(shown)) == 33
    assert {t for t in shown if t.startswith("Quoll sheet")} == {
        f"Quoll sheet {i:02}" for i in range(30)
    }
    assert "Page 2 of 2" in second.content.decode()


def test_the_first_page_links_to_where_the_materials_start(client, home, library):
    course = CoursePageFactory(parent=EditionPageFactory(parent=home), title="Wombat course")
    for i in range(PER_PAGE):
        ModulePageFactory(parent=course, title=f"Wombat module {i:02}")
    for i in range(5):
        MaterialFactory(title=f"Wombat sheet {i}")
    indexed()

    first = client.get("/search/", {"q": "wombat"})
    assert {label for label, _ in results(first)} == {"Courses", "Modules"}
    html = first.content.decode()
    assert "30 results (1–24 here): 25 site pages, then 5 materials" in html
    assert '<a href="?q=wombat&amp;page=2">from page 2</a>' in html
    second = client.get("/search/", {"q": "wombat", "page": 2})
    assert [label for label, _ in results(second)] == ["Modules"] + ["Materials"] * 5
    assert "from page" not in second.content.decode()


def pager(html):
    """The pager's markup, with its links' query strings left out."""
    nav = re.search(r'<nav class="pager".*?</nav>', html, re.S).group(0)
    return re.sub(r'href="[^"]*"', 'href=""', nav)


def test_the_pager_is_the_librarys_and_keeps_the_query_and_skill(client, library, skill):
    for i in range(30):
        MaterialFactory(title=f"Quoll sheet {i:02}", skills=[skill])
    indexed()
    search = client.get("/search/", {"q": "quoll", "skill": skill.slug, "page": 2})
    materials = client.get(library.url, {"q": "quoll", "page": 2})
    assert search.status_code == materials.status_code == 200
    assert pager(search.content.decode()) == pager(materials.content.decode())
    assert 'href="?q=quoll&amp;skill=value-chains&amp;page=1"' in search.content.decode()

    first = client.get("/search/", {"q": "quoll", "skill": skill.slug}).content.decode()
    assert 'href="?q=quoll&amp;skill=value-chains&amp;page=2"' in first
    # Choosing or removing a skill starts again from the first page.
    assert 'href="?q=quoll"' in search.content.decode()


def test_one_page_of_results_shows_no_pager(client, library):
    MaterialFactory(title="Quoll sheet")
    indexed()
    response = client.get("/search/", {"q": "quoll"})
    assert titles(response) == ["Quoll sheet"]
    assert 'class="pager"' not in response.content.decode()


@pytest.mark.parametrize(
    "value", ["0", "-1", "abc", "1.5", "", "10001", "99999999999999999999", "3", "9999"]
)
def test_a_bad_page_number_is_answered_as_the_library_answers_it(
    client, pages_and_materials, value
):
    search = client.get("/search/", {"q": "quoll", "page": value})
    materials = client.get("/materials/", {"q": "quoll", "page": value})
    assert search.status_code == materials.status_code
    assert search.status_code in (200, 400)
    if search.status_code == 200:
        # Past the end (or no number): the last page, or the first.
        number = 1 if value == "" else 2
        assert search.context["page_obj"].number == number
    else:
        assert "page:" in search.content.decode()
