"""Staff reports: the right figures for a known data set, exports that cannot run formulas."""

import datetime
import json

from django.urls import reverse
from django.utils import timezone

import pytest

from learning.models import Certificate, Enrolment, ModuleCompletion
from tests.factories import (
    CoursePageFactory,
    EditorFactory,
    MaterialFactory,
    ModeratorFactory,
    ModulePageFactory,
    SkillFactory,
    UserFactory,
    material_block,
)
from tests.spreadsheets import exported_rows


@pytest.fixture
def known_course(academy):
    """A course titled like a formula: 4 learners enrolled, 1 finished in 2 days, 1 in 4 days."""
    course = CoursePageFactory(parent=academy.editions[0], title='=HYPERLINK("http://evil")')
    skill = SkillFactory()
    modules = [ModulePageFactory(parent=course) for _ in range(2)]
    for module in modules:
        module.skills.add(skill)
        module.save()
    learners = UserFactory.create_batch(4)
    start = timezone.now() - datetime.timedelta(days=10)
    for learner in learners:
        Enrolment.objects.create(learner=learner, course=course)
    Enrolment.objects.filter(course=course).update(enrolled_at=start)
    for learner, took in zip(learners[:2], (2, 4), strict=True):
        for module in modules:
            ModuleCompletion.objects.create(learner=learner, module=module)
        certificate = Certificate.objects.create(
            learner=learner,
            course=course,
            learner_name=learner.display_name,
            course_title=course.title,
            module_count=2,
        )
        Certificate.objects.filter(pk=certificate.pk).update(
            issued_at=start + datetime.timedelta(days=took)
        )
    ModuleCompletion.objects.create(learner=learners[2], module=modules[0])
    return course, skill, learners


def report_url(name):
    """Content gaps are the materials app's report; the rest are the learning app's."""
    return f"materials_reports:{name}" if name == "gaps" else f"learning_reports:{name}"


def export(client, name, fmt, *args):
    return exported_rows(client, reverse(report_url(name), args=args), fmt)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_course_progress_export_has_the_figures_and_no_formula(client, known_course, fmt):
    course, _, _ = known_course
    client.force_login(ModeratorFactory())

    rows = export(client, "progress", fmt)

    assert rows[0] == [
        "Title",
        "Enrolled",
        "In progress",
        "Completed",
        "Completion rate (%)",
        "Average days to complete",
    ]
    row = next(row for row in rows if "HYPERLINK" in str(row[0]))
    assert row[0] == "'" + course.title
    assert [float(value) for value in row[1:]] == [4, 2, 2, 50.0, 3.0]


def test_course_learners_drill_down(client, known_course):
    course, _, learners = known_course
    client.force_login(ModeratorFactory())

    rows = export(client, "course_learners", "csv", course.pk)

    done = {row[0]: row[3] for row in rows[1:]}
    assert done == {
        learners[0].email: "2",
        learners[1].email: "2",
        learners[2].email: "1",
        learners[3].email: "0",
    }
    page = client.get(reverse("learning_reports:progress"))
    assert reverse("learning_reports:course_learners", args=[course.pk]) in page.content.decode()


def test_skills_coverage_counts(client, known_course):
    _, skill, _ = known_course
    MaterialFactory(skills=[skill], title="@SUM(1)")
    client.force_login(EditorFactory())

    rows = export(client, "skills", "xlsx")

    row = next(row for row in rows if row[1] == skill.name)
    assert row[2:] == [0, 2, 1, 3]


def test_content_gaps_lists_and_neutralises(client, known_course):
    bare = MaterialFactory(title="-2+3", kind="worksheet")
    client.force_login(EditorFactory())

    rows = export(client, "gaps", "csv")

    assert ["Material with no skill", "'-2+3"] in rows
    assert ["Material with no file or link", "'-2+3"] in rows
    assert bare.document_id is None


def test_reports_are_for_the_right_staff_only(client, known_course):
    course, _, _ = known_course
    progress = reverse("learning_reports:progress")
    drill = reverse("learning_reports:course_learners", args=[course.pk])
    gaps = reverse("materials_reports:gaps")
    skills = reverse("learning_reports:skills")

    client.force_login(ModeratorFactory())
    for url in (progress, drill, gaps, skills):
        assert client.get(url).status_code == 200, url

    client.force_login(EditorFactory())
    assert client.get(gaps).status_code == 200
    assert client.get(skills).status_code == 200
    assert client.get(progress).status_code in (302, 403)
    assert client.get(drill).status_code in (302, 403)

    client.force_login(UserFactory())
    for url in (progress, drill, gaps, skills):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response.url


def test_dashboard_panel_shows_recent_activity_and_gap_counts(client, known_course):
    _, _, learners = known_course
    client.force_login(ModeratorFactory())

    page = client.get("/admin/").content.decode()

    assert "Recent enrolments" in page
    assert f"{learners[0]} enrolled in" in page
    assert "Module with no material:" in page

    client.force_login(EditorFactory())
    page = client.get("/admin/").content.decode()
    assert "Module with no material:" in page
    assert "Recent enrolments" not in page


@pytest.mark.parametrize("name", ["progress", "skills", "gaps"])
def test_report_queries_do_not_grow_with_data(
    client, known_course, name, django_assert_max_num_queries
):
    client.force_login(ModeratorFactory())
    url = reverse(report_url(name))
    client.get(url)
    with django_assert_max_num_queries(60) as small:
        client.get(url, {"export": "csv"})

    course, _, _ = known_course
    for _ in range(5):
        more = CoursePageFactory(parent=course.get_parent())
        module = ModulePageFactory(parent=more)
        for learner in UserFactory.create_batch(3):
            Enrolment.objects.create(learner=learner, course=more)
            ModuleCompletion.objects.create(learner=learner, module=module)
        MaterialFactory()

    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url, {"export": "csv"})


def test_modules_citing_a_material_are_not_gaps(client, academy):
    from wagtail.models import ReferenceIndex

    from materials.reports import content_gaps

    citing = ModulePageFactory(
        parent=academy.course, body=json.dumps([material_block(academy.material)])
    )
    ReferenceIndex.create_or_update_for_object(citing)
    bare = ModulePageFactory(parent=citing.get_parent())

    without_material = dict(content_gaps())["Module with no material"]

    assert bare in without_material
    assert citing not in without_material
