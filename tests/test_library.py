"""The materials library: a cluster manager narrows the academy's materials down by skill, tag,
edition, kind and language, sees how many materials each choice would leave, searches, sorts and
pages, and can share the URL of what they see."""

import re

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

import pytest

from materials.models import Material
from materials.models.library_query import PER_PAGE
from tests.factories import (
    MaterialFactory,
    PageViewRestrictionFactory,
    UserFactory,
    hidden_content,
    library_catalogue,
)

FACETS = ("skill", "tag", "edition", "kind", "language")


@pytest.fixture
def catalogue(academy):
    """The academy's library with 31 published materials, varied in every facet: more than a
    page of them (tests/factories.py `library_catalogue`)."""
    return [academy.material, *library_catalogue(academy)]


def _facts():
    """Every published material's facet values, read plainly from the database."""
    facts = []
    for material in Material.objects.filter(live=True).prefetch_related("skills__area", "tags"):
        skills = {s.slug for s in material.skills.all()} | {
            s.area.slug for s in material.skills.all()
        }
        facts.append(
            {
                "pk": material.pk,
                "skill": skills,
                "tag": {t.slug for t in material.tags.all()},
                "edition": {material.edition.slug} if material.edition else set(),
                "kind": {material.kind},
                "language": {material.language},
            }
        )
    return facts


def _expected_count(facts, filters, facet, value):
    """Materials with `value` for `facet` that pass every *other* facet's filter (OR within)."""
    return sum(
        1
        for fact in facts
        if value in fact[facet]
        and all(fact[f] & set(v) for f, v in filters.items() if v and f != facet)
    )


def _shown_counts(facets):
    counts = {}
    for facet in facets:
        for value in facet["values"]:
            counts[(facet["name"], value["value"])] = value["count"]
            for child in value["children"]:
                counts[(facet["name"], child["value"])] = child["count"]
    return counts


FILTER_COMBINATIONS = [
    {},
    {"skill": ["strategy-foresight"]},
    {"skill": ["action-planning"]},
    {"skill": ["action-planning"], "kind": ["slides", "worksheet"]},
    {"skill": ["member-satisfaction-surveys", "kpis-impact"], "language": ["en"]},
    {"edition": ["strasbourg-2023"], "kind": ["worksheet"]},
    {"tag": ["cluster-strategy"], "skill": ["strategy-foresight"], "language": ["en", "fr"]},
]


@pytest.mark.django_db
@pytest.mark.parametrize("filters", FILTER_COMBINATIONS)
def test_facet_counts_equal_counts_computed_from_the_database(client, catalogue, filters):
    response = client.get("/materials/", filters)
    assert response.status_code == 200
    facts = _facts()
    shown = _shown_counts(response.context["facets"])
    assert {facet for facet, _ in shown} == set(FACETS)
    for (facet, value), count in shown.items():
        assert count == _expected_count(facts, filters, facet, value), (facet, value)
    expected_total = sum(
        1 for fact in facts if all(fact[f] & set(v) for f, v in filters.items() if v)
    )
    assert expected_total
    assert response.context["page_obj"].paginator.count == expected_total


@pytest.mark.django_db
def test_choosing_an_area_includes_materials_tagged_only_with_its_skills(
    client, catalogue, academy
):
    only_sub_skill = MaterialFactory(
        title="Action plan one-pager", skills=[academy.action_planning]
    )
    elsewhere = MaterialFactory(title="Survey scale cheat sheet", skills=[academy.surveys])
    response = client.get("/materials/", {"skill": "strategy-foresight", "sort": "title"})
    shown = {m.pk for m in response.context["page_obj"].paginator.object_list}
    expected = set(
        Material.objects.published()
        .filter(skills__area__slug="strategy-foresight")
        .values_list("pk", flat=True)
    )
    assert only_sub_skill.pk in shown
    assert elsewhere.pk not in shown
    assert shown == expected


@pytest.mark.django_db
def test_filters_combine_with_and_between_facets(client, catalogue):
    response = client.get("/materials/", {"skill": "strategy-foresight", "kind": "slides"})
    assert response.context["page_obj"]
    for material in response.context["page_obj"]:
        assert material.kind == "slides"
        assert "strategy-foresight" in {s.area.slug for s in material.skills.all()}


@pytest.mark.django_db
def test_search_finds_materials_by_words_in_title_and_description(client, catalogue):
    by_title = MaterialFactory(title="Wombat governance canvas", description="A canvas.")
    by_description = MaterialFactory(
        title="Board charter", description="Written with wombat habitat councils in mind."
    )
    MaterialFactory(title="Unrelated", description="Nothing about marsupials.")
    response = client.get("/materials/", {"q": "wombat"})
    found = {m.pk for m in response.context["page_obj"]}
    assert found == {by_title.pk, by_description.pk}
    # By default the best match comes first, in the order Wagtail search ranks them.
    ranked = list(Material.objects.published().search("wombat"))
    assert list(response.context["page_obj"]) == ranked
    assert "Wombat governance canvas" in response.content.decode()


@pytest.mark.django_db
def test_sorting_by_title_and_newest(client, catalogue):
    titles = [m.title for m in client.get("/materials/?sort=title").context["page_obj"]]
    assert titles == sorted(titles)
    dates = [m.date for m in client.get("/materials/?sort=newest").context["page_obj"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.django_db
def test_pages_through_every_material_and_past_the_end_shows_the_last_page(client, catalogue):
    total = Material.objects.published().count()
    assert total > PER_PAGE
    first = client.get("/materials/?sort=title").context["page_obj"]
    second = client.get("/materials/?sort=title&page=2").context["page_obj"]
    assert len(first) == PER_PAGE
    assert {m.pk for m in first}.isdisjoint({m.pk for m in second})
    assert len(first) + len(second) == total
    beyond = client.get("/materials/?sort=title&page=9999")
    assert beyond.status_code == 200
    assert beyond.context["page_obj"].number == 2
    html = client.get("/materials/?sort=title").content.decode()
    assert 'rel="next" href="?sort=title&amp;page=2"' in html


@pytest.mark.django_db
def test_every_state_has_a_clean_shareable_url(client, catalogue):
    response = client.get("/materials/", {"kind": "slides", "skill": "action-planning"})
    html = response.content.decode()
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    planning = next(
        child
        for area in facets["skill"]["values"]
        for child in area["children"]
        if child["value"] == "action-planning"
    )
    assert planning["selected"]
    assert planning["url"] == "?kind=slides"
    worksheet = next(v for v in facets["kind"]["values"] if v["value"] == "worksheet")
    assert worksheet["url"] == "?skill=action-planning&kind=slides&kind=worksheet"
    assert "?skill=action-planning" in html
    # The shared URL shows the same materials as the page it was copied from.
    again = client.get("/materials/?skill=action-planning&kind=slides")
    assert list(again.context["page_obj"]) == list(response.context["page_obj"])


@pytest.mark.django_db
def test_filters_show_each_value_with_materials_its_count_and_its_link(client, catalogue):
    response = client.get("/materials/", {"skill": "action-planning", "kind": "slides"})
    html = response.content.decode()
    expected, nested = [], []
    for facet in response.context["facets"]:
        for value in facet["values"]:
            children = value["children"]
            if children:
                nested.append([c["value"] for c in children if c["count"] or c["selected"]])
            for item in (value, *children):
                if item["count"] or item["selected"]:
                    selected = " is-selected" if item["selected"] else ""
                    url = escape(item["url"])
                    expected.append(
                        (selected, url, facet["name"], item["value"], str(item["count"]))
                    )
    shown = re.findall(
        r'<li class="facet__value( is-selected)?"><a href="([^"]*)" data-facet="(\w+)" '
        r'data-value="([^"]*)".*?</a> <span class="facet__count" data-count>(\d+)</span></li>',
        html,
    )
    assert shown == expected
    chosen = [value for selected, _, _, value, _ in shown if selected]
    assert chosen == ["action-planning", "slides"]
    assert 'data-value="action-planning" aria-current="true"' in html
    # Each area's skills are listed nested right under it.
    lists = re.findall(r'<ul class="facet__values facet__values--nested">(.*?)</ul>', html, re.S)
    assert [re.findall(r'data-value="([^"]*)"', items) for items in lists] == nested


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["kind=podcast", "skill=no-such-skill", "edition=atlantis", "tag=nope", "page=0", "sort=x"],
)
def test_unknown_filter_values_get_a_clear_400(client, academy, query):
    response = client.get(f"/materials/?{query}")
    assert response.status_code == 400
    assert "cannot be applied" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("as_learner", [False, True])
def test_hidden_material_never_appears_in_the_library_or_its_counts(
    client, catalogue, academy, as_learner
):
    if as_learner:
        client.force_login(UserFactory())
    before = client.get("/materials/")
    hidden = hidden_content(academy)
    after = client.get("/materials/")
    assert _shown_counts(after.context["facets"]) == _shown_counts(before.context["facets"])
    assert after.context["page_obj"].paginator.count == before.context["page_obj"].paginator.count
    assert "Quokka" not in after.content.decode()
    assert "Quokka" not in client.get("/materials/?q=quokka").content.decode()
    assert client.get("/materials/?q=quokka").context["page_obj"].paginator.count == 0
    # Its free tag exists only on the draft, so it is no facet value at all.
    assert client.get("/materials/?tag=quokka-secret").status_code == 400
    assert client.get(f"/materials/{hidden['material'].slug}/").status_code == 404


@pytest.mark.django_db
def test_material_of_a_restricted_edition_does_not_reveal_the_edition(client, academy):
    edition = academy.editions[1]
    material = MaterialFactory(title="Sofia site visit notes", edition=edition)
    PageViewRestrictionFactory(page=edition)
    response = client.get("/materials/")
    assert edition.title not in response.content.decode()
    assert client.get(f"/materials/?edition={edition.slug}").status_code == 400
    detail = client.get(f"/materials/{material.slug}/")
    assert detail.status_code == 200
    assert material.title in detail.content.decode()
    assert edition.title not in detail.content.decode()


QUERY_COUNT_STATES = [
    {},
    {"skill": "strategy-foresight", "kind": ["slides", "worksheet"]},
    {"tag": "cluster-strategy", "edition": "strasbourg-2023", "language": "en", "sort": "title"},
    {"q": "strategy"},
    {"q": "strategy", "skill": "action-planning", "page": "2"},
]


def _queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/materials/", params).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_library_runs_a_fixed_number_of_queries(
    client, academy, catalogue, django_assert_num_queries
):
    client.get("/materials/")  # warm the per-process caches (site, content types)
    small = [_queries(client, params) for params in QUERY_COUNT_STATES]
    skills = [academy.action_planning, academy.trend_analysis, academy.kpis, academy.surveys]
    for i in range(60):
        MaterialFactory(
            title=f"Strategy drill {i}",
            kind=["slides", "worksheet"][i % 2],
            edition=[*academy.editions, None][i % 3],
            skills=skills[i % 4 : i % 4 + 2],
            tags=["cluster strategy", f"drill {i}"],
        )
    for params, count in zip(QUERY_COUNT_STATES, small, strict=True):
        with django_assert_num_queries(count):
            client.get("/materials/", params)
    # Every facet combination costs the same; a text search adds its own fixed queries.
    assert len(set(small[:3])) == 1
    assert small[3] == small[4]


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{}, {"skill": "action-planning", "kind": "slides"}])
def test_the_library_takes_its_total_from_the_facet_counts_without_counting_again(
    client, catalogue, params
):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/materials/", params)
    assert response.status_code == 200
    counts = [q["sql"] for q in queries if q["sql"].startswith('SELECT COUNT(*) AS "__count"')]
    assert counts == []
    assert response.context["page_obj"].paginator.count == len(response.context["query"].matching())


@pytest.mark.django_db
def test_one_skill_alone_reads_its_stored_counts_instead_of_grouping_its_materials(
    client, catalogue
):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/materials/", {"skill": "action-planning"}).status_code == 200
    counting = [q["sql"] for q in queries if "materials_skillfacetcount" in q["sql"]]
    assert len(counting) == 1
    assert "materials_materialtag" not in counting[0]
    assert "GROUP BY" not in counting[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sort", "index"), [("newest", "material_newest"), ("title", "material_by_title")]
)
def test_a_page_of_the_library_is_read_in_order_from_an_index(client, catalogue, sort, index):
    """Not by sorting every published material: at 100,000 on SQLite that took 164 ms a page."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/materials/", {"sort": sort}).status_code == 200
    (page_sql,) = [
        q["sql"] for q in queries if q["sql"].startswith('SELECT "materials_material"."id"')
    ]
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The catalogue is small enough to sort in memory unless sorting is ruled out.
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_incremental_sort = off")
        cursor.execute(explain + page_sql)
        plan = str(cursor.fetchall())
    assert index in plan
