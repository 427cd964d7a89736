"""A learner sees where they stand at /learning/skills/: their latest self-assessment next to the
previous one, per area and skill, as a chart with its numbers in a table, and beside it the
modules they completed, labelled apart. Their assessments are theirs: in their data export, gone
with their account, never on anyone else's page."""

import datetime
import zoneinfo

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from assessments.models import Rating, SelfAssessment
from skills.models import Skill
from tests.factories import (
    ModuleCompletionFactory,
    ModulePageFactory,
    SkillAreaFactory,
    SkillFactory,
    UserFactory,
    self_assessment,
)

pytestmark = pytest.mark.django_db

MY_SKILLS = reverse("assessments:my_skills")
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
OCTOBER = datetime.datetime(2026, 10, 1, 12, tzinfo=BRUSSELS)
DECEMBER = datetime.datetime(2026, 12, 3, 12, tzinfo=BRUSSELS)


def table(html):
    """The chart's text alternative: its caption, then each row's cells as text."""
    found = BeautifulSoup(html, "html.parser").find("table", class_="skills-table")
    return found.caption.get_text(strip=True), [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in found.find_all("tr")
    ]


@pytest.fixture
def reassessed(academy, learner):
    """The learner assessed themselves in October, then in December; once in June before."""
    self_assessment(learner, {academy.surveys: 1}, when=OCTOBER.replace(month=6))
    self_assessment(
        learner,
        {academy.action_planning: 2, academy.trend_analysis: 1, academy.kpis: 3},
        when=OCTOBER,
    )
    self_assessment(learner, {academy.action_planning: 3, academy.trend_analysis: 4}, when=DECEMBER)
    return academy


def test_the_latest_assessment_next_to_the_previous_per_area_and_skill(reassessed, learner_client):
    response = learner_client.get(MY_SKILLS)

    assert response.status_code == 200
    caption, rows = table(response.content)
    assert caption == "Your levels: 3 December 2026 and 1 October 2026"
    assert rows == [
        ["Area and skill", "3 December 2026 (latest)", "1 October 2026 (previous)"],
        ["Strategy & foresight (average)", "3.5", "1.5"],
        ["Action planning", "3", "2"],
        ["Trend analysis", "4", "1"],
        ["Performance & impact (average)", "skipped", "3.0"],
        ["KPIs and impact", "skipped", "3"],
    ]
    # June's assessment is history: only the latest two are compared.
    assert "Member satisfaction surveys" not in response.content.decode()


def test_the_chart_is_inline_svg_with_an_accessible_name_and_its_numbers_described(
    reassessed, learner_client
):
    page = BeautifulSoup(learner_client.get(MY_SKILLS).content, "html.parser")

    chart = page.find("svg", role="img")
    title = page.find(id=chart["aria-labelledby"])
    assert title.name == "title"
    assert title.get_text() == (
        "Chart of your self-assessed levels from 1 to 5, per area and skill: "
        "3 December 2026 next to 1 October 2026"
    )
    assert page.find(id=chart["aria-describedby"]).name == "caption"
    # A bar per assessment and skill or area, as long as its level: 320 for 5 of 5.
    bars = [
        (rect["class"][0], int(rect["width"]))
        for rect in chart.find_all("rect")
        if int(rect["width"]) > 9  # not the legend's swatches
    ]
    assert bars == [
        ("skills-chart__latest", 224),  # Strategy & foresight, 3.5
        ("skills-chart__previous", 96),  # 1.5
        ("skills-chart__latest", 192),  # Action planning, 3
        ("skills-chart__previous", 128),
        ("skills-chart__latest", 256),  # Trend analysis, 4
        ("skills-chart__previous", 64),
        ("skills-chart__previous", 192),  # Performance & impact, skipped then 3
        ("skills-chart__previous", 192),  # KPIs and impact
    ]
    # Drawn on the server: nothing to fetch, nothing to run.
    assert not page.select("main script[src], link[href^='http']")


def test_a_first_assessment_stands_alone(academy, learner, learner_client):
    self_assessment(learner, {academy.kpis: 2}, when=DECEMBER)

    caption, rows = table(learner_client.get(MY_SKILLS).content)

    assert caption == "Your levels: 3 December 2026"
    assert rows[0] == ["Area and skill", "3 December 2026 (latest)"]
    assert rows[1:] == [["Performance & impact (average)", "2.0"], ["KPIs and impact", "2"]]


def test_before_any_assessment_the_page_invites_one(academy, learner_client):
    page = BeautifulSoup(learner_client.get(MY_SKILLS).content, "html.parser")

    assert page.find("svg", role="img") is None
    assert "You have not assessed your skills yet." in page.get_text()
    assert page.find("a", string="Assess your skills")["href"] == reverse("assessments:assess")


def test_evidence_lists_the_modules_completed_per_skill_apart_from_self_reported_levels(
    academy, learner, learner_client
):
    first, second, third = academy.modules
    for module in (first, second):
        ModuleCompletionFactory(learner=learner, module=module)
    both = ModulePageFactory(parent=academy.course, title="Plans and trends")
    both.skills.add(academy.action_planning, academy.trend_analysis)
    both.save()
    ModuleCompletionFactory(learner=learner, module=both)
    unpublished = ModulePageFactory(parent=academy.course, title="Withdrawn module", live=False)
    unpublished.skills.add(academy.kpis)
    unpublished.save()
    ModuleCompletionFactory(learner=learner, module=unpublished)
    ModuleCompletionFactory(learner=UserFactory(), module=academy.modules[2])
    self_assessment(learner, {academy.kpis: 2})

    page = BeautifulSoup(learner_client.get(MY_SKILLS).content, "html.parser")

    assert page.find("h2", id="self-reported-heading").get_text() == "Self-reported: your levels"
    evidence = page.find("section", attrs={"aria-labelledby": "evidence-heading"})
    assert evidence.h2.get_text() == "Evidence: modules you completed"
    listed = [
        (
            item.h3.get_text(),
            item.p.get_text(" ", strip=True),
            [link.get_text() for link in item.find("ul").find_all("a")],
        )
        for item in evidence.select("ul.learning-list > li")
    ]
    assert listed == [
        (
            "Action planning",
            "Strategy & foresight · 3 modules",
            ["Plans and trends", first.title, second.title],
        ),
        ("Trend analysis", "Strategy & foresight · 1 module", ["Plans and trends"]),
    ]
    assert "Withdrawn module" not in page.get_text()


def test_the_page_is_never_cached(reassessed, learner_client):
    response = learner_client.get(MY_SKILLS)

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_learner_sees_only_their_own_levels(academy, learner, learner_client):
    self_assessment(UserFactory(), {academy.kpis: 5}, when=DECEMBER)
    self_assessment(learner, {academy.trend_analysis: 2}, when=OCTOBER)

    caption, rows = table(learner_client.get(MY_SKILLS).content)

    assert caption == "Your levels: 1 October 2026"
    assert "KPIs and impact" not in [row[0] for row in rows]


def test_the_page_shows_the_full_list_of_recommendations(reassessed, learner_client):
    page = BeautifulSoup(learner_client.get(MY_SKILLS).content, "html.parser")

    assert page.find("h2", id="recommendations-heading").get_text() == "Recommended for you"


def test_the_navigation_leads_to_my_skills(home, learner_client):
    nav = BeautifulSoup(learner_client.get("/").content, "html.parser").find("nav")

    assert nav.find("a", string="My skills")["href"] == MY_SKILLS


def test_the_page_costs_the_same_queries_for_3_or_300_rated_skills(
    academy, learner, client, django_assert_num_queries
):
    client.force_login(learner)
    area = SkillAreaFactory()
    module = academy.modules[0]
    ModuleCompletionFactory(learner=learner, module=module)

    def rate(count):
        skills = Skill.objects.bulk_create(SkillFactory.build_batch(count, area=area))
        module.skills.add(*skills[:2])
        module.save()
        rated = Skill.objects.filter(area=area)
        self_assessment(learner, dict.fromkeys(rated, 2), when=OCTOBER)
        self_assessment(learner, dict.fromkeys(rated, 4), when=DECEMBER)

    rate(3)
    client.get(MY_SKILLS)  # the site's root paths, read once and cached
    with django_assert_num_queries(21) as few:
        client.get(MY_SKILLS)
    rate(297)
    with django_assert_num_queries(len(few)):
        response = client.get(MY_SKILLS)
    assert response.content.decode().count("<tr") == 1 + 1 + 300


def test_the_data_export_holds_every_self_assessment_with_its_ratings(reassessed, learner, client):
    self_assessment(UserFactory(), {reassessed.kpis: 5})
    client.force_login(learner)

    data = client.get(reverse("accounts:export")).json()

    exported = [
        (datetime.datetime.fromisoformat(assessment["submitted_at"]), assessment["ratings"])
        for assessment in data["self_assessments"]
    ]
    assert exported == [
        (OCTOBER.replace(month=6), [{"skill": "Member satisfaction surveys", "level": 1}]),
        (
            OCTOBER,
            [
                {"skill": "Action planning", "level": 2},
                {"skill": "Trend analysis", "level": 1},
                {"skill": "KPIs and impact", "level": 3},
            ],
        ),
        (
            DECEMBER,
            [{"skill": "Action planning", "level": 3}, {"skill": "Trend analysis", "level": 4}],
        ),
    ]


def test_deleting_the_account_deletes_the_self_assessments(reassessed, learner, client):
    someone = self_assessment(UserFactory(), {reassessed.kpis: 5})
    client.force_login(learner)

    client.post(reverse("accounts:delete"), {"password": "correct horse battery"})

    assert list(SelfAssessment.objects.all()) == [someone]
    assert list(Rating.objects.values_list("assessment", flat=True)) == [someone.pk]
