"""The demo academy: its data files are checked against the models, with every fault named by file
and line; it loads what the files say, idempotently, and every page works.

The demo's own tests (with the browser journeys) are the only tests that load the demo academy:
those that need it ask for the `demo_academy` fixture.
"""

import shutil
import subprocess
import sys
import zoneinfo
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

import pytest
from taggit.models import Tag

from assessments.models import SkillScale
from coaching.access import reviewable_submissions
from coaching.models import (
    ActionPlan,
    Assignment,
    Feedback,
    PlanAction,
    PlanComment,
    PlanGoal,
    PlanKPI,
    PlanVersion,
    RubricCriterion,
    RubricScore,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    Team,
    TeamMember,
)
from coaching.plans import snapshot
from cohorts.models import (
    DEFAULT_TIME_ZONE,
    TRAINERS_GROUP,
    Application,
    Cohort,
    Session,
    participates,
    trains,
)
from courses.models import CoursePage, EditionPage, ModulePage
from credentials.models import Credential
from demo import academy_data
from demo.academy_data import DemoDataError, Nested, Table
from demo.management.commands.load_academy import DEMO_PASSWORD
from home.models import HomePage
from learning.models import Certificate
from lms.accounts.models import User
from materials.models import Material, MaterialLibraryPage
from skills.models import Skill, SkillArea

PROJECT = Path(__file__).resolve().parents[1]
MODULE_BODY = ModulePage._meta.get_field("body").stream_block


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The demo academy, loaded from demo/data/ as `manage.py load_academy` loads it: once for
    this module's tests, in a transaction rolled back after them (each test's own transaction
    nests in it), so no other test ever sees it."""
    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            call_command("load_academy", verbosity=0, stdout=StringIO())
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo_academy(loaded_demo, db):
    """The demo academy's home page."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(scope="module")
def data():
    return academy_data.load()


# The data files ---------------------------------------------------------------------------------


def test_every_shipped_data_file_loads_cleanly(data):
    edition_files = sorted(path.stem for path in academy_data.DATA_DIR.glob("editions/*.toml"))
    assert sorted(edition["slug"] for edition in data.editions) == edition_files
    assert data.skill_areas and all(area["skills"] for area in data.skill_areas)
    assert all(edition["courses"] for edition in data.editions)
    assert data.materials
    # The check content editors run (demo/data/README.md).
    check = subprocess.run(
        [sys.executable, "-m", "demo.academy_data"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("OK: ")


def test_the_demo_matches_the_domain_brief(data):
    """The three real editions: Strasbourg, Turin and Sofia, with their participants and on-site
    dates, then a fourth that says it is illustrative; every course has three to five modules, and
    each course and module teaches a skill."""
    *real, illustrative = data.editions
    assert [(e["number"], e["host_city"]) for e in real] == [
        (1, "Strasbourg"),
        (2, "Turin"),
        (3, "Sofia"),
    ]
    assert [e["participants"] for e in real] == [27, 21, 45]
    assert [str(e["onsite_start"]) for e in real] == [
        "2023-03-02",
        "2023-09-21",
        "2024-03-11",
    ]
    assert illustrative["number"] == 4
    assert illustrative["title"].startswith("Illustrative edition")
    assert "Illustrative edition: not a real event." in illustrative["intro"]
    assert illustrative["participants"] is None
    for edition in data.editions:
        for course in edition["courses"]:
            assert 3 <= len(course["modules"]) <= 5, course["slug"]
            assert course["skills"], course["slug"]
            assert all(module["skills"] for module in course["modules"]), course["slug"]


@pytest.fixture
def data_copy(tmp_path):
    """A copy of demo/data/ to break."""
    shutil.copytree(academy_data.DATA_DIR, tmp_path, dirs_exist_ok=True)
    return tmp_path


def break_file(path, after, old, new):
    """Replace the first line reading `old` after the first line reading `after` with `new`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(after)
    lines[lines.index(old, start)] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


# Each fault: the file, where the change is (the first `old` line after the line `after`), the
# `new` line or lines, and what the error says.
FAULTS = {
    "an unknown key in a module": (
        "editions/strasbourg-2023.toml",
        "[[courses.modules]]",
        'title = "What a cluster strategy is (and is not)"',
        'title = "What a cluster strategy is (and is not)"\ncolour = "blue"',
        "unknown key 'colour'",
    ),
    "a course naming a skill that is not in skills.toml": (
        "editions/strasbourg-2023.toml",
        "[[courses]]",
        "skills = [",
        'skills = ["no-such-skill",',
        "'skills' names skill 'no-such-skill', but no skill has that slug",
    ),
    "an edition whose online part ends before it starts": (
        "editions/strasbourg-2023.toml",
        "number = 1",
        "online_end = 2022-12-02",
        "online_end = 2022-11-30",
        "online_end (2022-11-30) is before online_start (2022-12-01)",
    ),
    "a session that ends before it starts": (
        "editions/turin-2023.toml",
        "[[sessions]]",
        "ends_at = 2023-06-06T12:30:00",
        "ends_at = 2023-06-06T09:30:00",
        "ends_at (2023-06-06 09:30:00) is before starts_at (2023-06-06 10:00:00)",
    ),
    "a session time with an offset": (
        "editions/turin-2023.toml",
        "[[sessions]]",
        "starts_at = 2023-06-06T10:00:00",
        "starts_at = 2023-06-06T10:00:00+02:00",
        "'starts_at' must be a local date and time",
    ),
    "a session in an unknown time zone": (
        "editions/sofia-2024.toml",
        'title = "On site in Sofia, day 1: greener business"',
        'time_zone = "Europe/Sofia"',
        'time_zone = "Europe/Plovdiv"',
        "'time_zone' must be a time zone like Europe/Brussels, not 'Europe/Plovdiv'",
    ),
    "an unknown key in a cohort": (
        "editions/strasbourg-2023.toml",
        "[cohort]",
        "seats = 27",
        "seats = 27\nwaitlist = 10",
        "cohort: unknown key 'waitlist'",
    ),
    "a skill's importance out of its range": (
        "skills.toml",
        'slug = "trend-analysis"',
        "importance = 2",
        "importance = 4",
        "'importance' must be from 1 to 3, not 4",
    ),
    "a skill's level misnamed": (
        "skills.toml",
        'slug = "trend-analysis"',
        'level_3 = "I scan trends regularly and can say which ones matter to our members."',
        'level_three = "I scan trends regularly and can say which ones matter to our members."',
        "scale: unknown key 'level_three'",
    ),
    "a date that is not a date": (
        "materials.toml",
        "[[materials]]",
        "date = 2022-12-01",
        'date = "1 December 2022"',
        "'date' must be a date",
    ),
    "a trainer who is not in people.toml": (
        "editions/turin-2023.toml",
        "[cohort]",
        'trainers = ["tessa.trainer@example.org"]',
        'trainers = ["tess.trainer@example.org"]',
        "'trainers' names person 'tess.trainer@example.org', but no person has that email",
    ),
    "an assignment on a module its course does not have": (
        "editions/strasbourg-2023.toml",
        "[[assignments]]",
        'module = "listening-to-members"',
        'module = "no-such-module"',
        "course 'strategy-foundations' has no module 'no-such-module'",
    ),
    "a team member who is not a participant of the edition": (
        "editions/sofia-2024.toml",
        "[[teams]]",
        'members = ["dana.demo@example.org", "milan.demo@example.org", "ines.demo@example.org"]',
        'members = ["dana.demo@example.org", "petra.demo@example.org"]',
        "petra.demo@example.org is not a participant of the edition",
    ),
    "feedback by someone who does not train the edition": (
        "editions/turin-2023.toml",
        "[assignments.submissions.versions.feedback]",
        'by = "tessa.trainer@example.org"',
        'by = "theo.trainer@example.org"',
        "theo.trainer@example.org is not a trainer of the edition",
    ),
    "a score above its criterion's levels": (
        "editions/turin-2023.toml",
        "[assignments.submissions.versions.feedback]",
        "scores = [3, 2, 1]",
        "scores = [3, 2, 5]",
        "criterion 3 is scored 1 to 4, not 5",
    ),
    "a score missing": (
        "editions/turin-2023.toml",
        "[assignments.submissions.versions.feedback]",
        "scores = [3, 2, 1]",
        "scores = [3, 2]",
        "give 3 scores, one per criterion",
    ),
    "a comment on a goal the plan does not have": (
        "editions/turin-2023.toml",
        "[[plans.comments]]",
        'goal = "Bring members into EU projects"',
        'goal = "Bring more members into EU projects"',
        "the plan's last version has no goal 'Bring more members into EU projects'",
    ),
}


@pytest.mark.parametrize(
    ("file", "after", "old", "new", "problem"), FAULTS.values(), ids=FAULTS.keys()
)
def test_a_fault_in_the_data_names_its_file_and_line(data_copy, file, after, old, new, problem):
    academy_data.load(data_copy)  # the copy is sound before the change
    path = data_copy / file
    break_file(path, after, old, new)
    # The line named is the faulty one: the last of the new lines.
    line = path.read_text(encoding="utf-8").splitlines().index(new.split("\n")[-1]) + 1
    with pytest.raises(DemoDataError) as raised:
        academy_data.load(data_copy)
    error = raised.value
    assert (error.path, error.line) == (path, line)
    assert problem in error.problem
    assert str(error).startswith(f"{path}:{line}: ")


# The data files against the models --------------------------------------------------------------

CHILD_PAGES = object()
PLAN_VERSIONS = object()
# A participant's completed courses become certificates (and credentials) of theirs.
COMPLETED_COURSES = object()

# The model of each kind of record, and the field each of its keys fills where the field is named
# differently (CHILD_PAGES: the records are pages below it; PLAN_VERSIONS: the records are the
# plan as each save left it, kept as its PlanVersion snapshots, the last being the plan itself).
MODELS = {
    "area": (SkillArea, {}),
    "skill": (Skill, {}),
    "scale": (SkillScale, {}),
    "edition": (
        EditionPage,
        {"courses": CHILD_PAGES, "assignments": "edition_assignments", "plans": "action_plans"},
    ),
    "course": (CoursePage, {"outcomes": "learning_outcomes", "modules": CHILD_PAGES}),
    "module": (ModulePage, {"minutes": "estimated_minutes"}),
    "material": (Material, {"pages": "document"}),
    "cohort": (
        Cohort,
        {
            "opens_days_before_loading": "applications_open_at",
            "closes_days_after_loading": "applications_close_at",
            "participants": "applications",
        },
    ),
    "session": (Session, {}),
    "participant": (Application, {"email": "applicant", "completed_courses": COMPLETED_COURSES}),
    "person": (User, {"name": "display_name"}),
    "team": (Team, {}),
    "assignment": (Assignment, {"course": "page", "module": "page"}),
    "criterion": (RubricCriterion, {}),
    "submission": (Submission, {"by": "learner"}),
    "submission version": (SubmissionVersion, {"by": "author"}),
    "file": (SubmissionFile, {"pages": "file"}),
    "feedback": (Feedback, {"by": "trainer", "given_at": "created_at", "file_pages": "file"}),
    "plan": (ActionPlan, {"by": "learner", "versions": PLAN_VERSIONS}),
    "plan version": (ActionPlan, {"saved_at": "updated_at"}),
    "goal": (PlanGoal, {}),
    "action": (PlanAction, {}),
    "kpi": (PlanKPI, {}),
    "comment": (PlanComment, {"by": "author", "at": "created_at"}),
}
# Records that only hold others: the files themselves.
CONTAINERS = {"skills file", "materials file", "people file"}
# What a key of each type may fill.
FIELD_TYPES = {
    date: models.DateField,
    datetime: models.DateTimeField,
    bool: models.BooleanField,
    float: models.DecimalField,
}


def test_every_data_key_fills_a_field_of_its_model():
    kinds = set(academy_data.RECORDS) - CONTAINERS
    blocks = {kind for kind in kinds if kind.endswith(" block")} | {"option"}
    assert kinds - blocks == set(MODELS)
    for kind, (model, renamed) in MODELS.items():
        for key, expected in academy_data.RECORDS[kind].items():
            target = renamed.get(key, key)
            if target is CHILD_PAGES:
                child_model = MODELS[expected.kind][0]
                assert child_model in model.allowed_subpage_models(), (kind, key)
                continue
            if target is COMPLETED_COURSES:
                assert Certificate._meta.get_field("course").related_model is CoursePage
                continue
            if target is PLAN_VERSIONS:
                assert model._meta.get_field("versions").related_model is PlanVersion
                assert MODELS[expected.kind][0] is model, (kind, key)
                continue
            field = model._meta.get_field(target)  # raises FieldDoesNotExist
            if isinstance(expected, Nested | Table) and expected.kind in MODELS:
                # Records of a model related to this one, as the key names it.
                assert field.related_model is MODELS[expected.kind][0], (kind, key)
                continue
            if isinstance(expected, type) and expected in FIELD_TYPES:
                assert isinstance(field, FIELD_TYPES[expected]), (kind, key)
    # Block records: a block type of module bodies, with the keys of its value.
    for kind in blocks - {"option"}:
        block = MODULE_BODY.child_blocks[kind.removesuffix(" block")]
        keys = academy_data.RECORDS[kind]
        value_key = academy_data.BLOCK_VALUES.get(block.name)
        if value_key and not hasattr(block, "child_blocks"):
            assert list(keys) == [value_key], kind
        else:
            assert set(keys) <= set(block.child_blocks), kind
    option = MODULE_BODY.child_blocks["self_check"].child_blocks["options"].child_block
    assert set(academy_data.RECORDS["option"]) == set(option.child_blocks)
    assert academy_data.RECORDS["self_check block"]["options"] == Nested("option")


def choices(model, field):
    return {value for value, _ in model._meta.get_field(field).flatchoices}


def records(data):
    """(kind, record) for every record of the data, body blocks as (type, value)."""
    for area in data.skill_areas:
        yield "area", area
        for skill in area["skills"]:
            yield "skill", skill
            yield "scale", skill["scale"]
    for edition in data.editions:
        yield "edition", edition
        yield "cohort", edition["cohort"]
        for session in edition["sessions"]:
            yield "session", session
        for course in edition["courses"]:
            yield "course", course
            for module in course["modules"]:
                yield "module", module
                for block in module["body"]:
                    yield "block", block
    for material in data.materials:
        yield "material", material
    for person in data.people:
        yield "person", person
    for edition in data.editions:
        yield from coaching_records(edition)


def coaching_records(edition):
    for participant in edition["cohort"]["participants"]:
        yield "participant", participant
    for team in edition["teams"]:
        yield "team", team
    for assignment in edition["assignments"]:
        yield "assignment", assignment
        for criterion in assignment["criteria"]:
            yield "criterion", criterion
        for submission in assignment["submissions"]:
            yield "submission", submission
            for version in submission["versions"]:
                yield "submission version", version
                for file in version["files"]:
                    yield "file", file
                if "feedback" in version:
                    yield "feedback", version["feedback"]
    for plan in edition["plans"]:
        yield "plan", plan
        for version in plan["versions"]:
            yield "plan version", version
            for kind in ("goal", "action", "kpi"):
                for record in version[f"{kind}s"]:
                    yield kind, record
        for comment in plan["comments"]:
            yield "comment", comment


def test_every_value_in_the_data_is_one_its_model_field_accepts(data):
    """Choices (a material's kind and language, a course's level and delivery, a callout's
    style) are among the field's choices, and no text is longer than its field allows."""
    callout_styles = {
        value
        for value, _ in MODULE_BODY.child_blocks["callout"].child_blocks["style"].field.choices
    }
    problems = []
    for kind, record in records(data):
        if kind == "block":
            block_type, value = record
            if block_type == "callout" and value["style"] not in callout_styles:
                problems.append(f"callout style {value['style']!r}")
            continue
        model, renamed = MODELS[kind]
        called = record.get("slug", record.get("title", kind))
        for key, value in record.items():
            target = renamed.get(key, key)
            if target is CHILD_PAGES or not isinstance(value, str):
                continue
            field = model._meta.get_field(target)
            if field.choices and value not in choices(model, target):
                problems.append(f"{kind} {called}: {key} {value!r} is not a choice")
            if getattr(field, "max_length", None) and len(value) > field.max_length:
                problems.append(f"{kind} {called}: {key} is over {field.max_length}")
            try:
                field.run_validators(value)  # a time zone's name, a URL...
            except ValidationError:
                problems.append(f"{kind} {called}: {key} {value!r} is not valid")
    assert problems == []
    # The checks above see the choices they are about.
    values = {
        (kind, key): {r[key] for k, r in records(data) if k == kind}
        for kind, key in [
            ("material", "kind"),
            ("material", "language"),
            ("course", "level"),
            ("course", "delivery"),
            ("session", "kind"),
            ("person", "role"),
            ("assignment", "work"),
            ("feedback", "outcome"),
            ("action", "status"),
        ]
    }
    assert values["session", "kind"] == set(Session.Kind.values)
    assert values["material", "kind"] <= set(Material.Kind.values)
    assert values["material", "language"] <= choices(Material, "language")
    assert values["course", "level"] <= set(CoursePage.Level.values)
    assert values["course", "delivery"] <= set(CoursePage.Delivery.values)
    assert values["person", "role"] <= set(User.Role.values)
    # Individual and team work, and feedback that closes the work or invites a new version.
    assert values["assignment", "work"] == set(Assignment.Work.values)
    assert values["feedback", "outcome"] == set(Feedback.Outcome.values)
    assert values["action", "status"] <= set(PlanAction.Status.values)


@pytest.mark.usefixtures("demo_academy")
def test_everything_loaded_passes_its_models_validation():
    """What the admin would check: fields, and module bodies block by block (a self-check has
    exactly one right answer, a callout a known style...)."""
    coaching = (Application, Team, Assignment, RubricCriterion, Submission, SubmissionVersion)
    plans = (ActionPlan, PlanGoal, PlanAction, PlanKPI, PlanComment)
    for model in (SkillArea, Skill, SkillScale, Material, Cohort, Session, *coaching, *plans):
        for obj in model.objects.all():
            obj.full_clean()
    for page in Page.objects.filter(depth__gt=1).specific():
        page.full_clean()
    for module in ModulePage.objects.all():
        MODULE_BODY.clean(module.body)


@pytest.mark.usefixtures("demo_academy")
def test_demo_materials_carry_files_skills_and_editions():
    materials = Material.objects.published().prefetch_related("skills", "tags")
    assert materials.count() >= 28
    assert {m.kind for m in materials} == set(Material.Kind.values)
    for material in materials:
        assert 1 <= len(material.skills.all()) <= 4, material
        assert len(material.tags.all()) <= 3, material
        assert material.edition_id, material
        assert material.document_id or material.external_url, material
    with_files = [m for m in materials if m.document_id]
    for material in with_files[:3]:
        with material.document.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"


@pytest.mark.usefixtures("demo_academy")
def test_the_demo_taxonomy_has_eight_areas_with_their_skills():
    areas = SkillArea.objects.prefetch_related("skills")
    assert len(areas) == 8
    assert all(len(area.skills.all()) >= 3 for area in areas)


@pytest.mark.usefixtures("demo_academy")
def test_every_demo_skill_has_five_described_levels_and_an_importance():
    """Learners assess themselves on every skill against five different lines, and the skills do
    not all weigh the same in recommendations."""
    skills = Skill.objects.select_related("scale")
    for skill in skills:
        descriptors = skill.scale.descriptors  # raises if the skill has no scale
        assert len(set(descriptors)) == 5, skill
        assert all(line.endswith(".") and len(line) <= 100 for line in descriptors), skill
    assert {skill.scale.importance for skill in skills} == set(SkillScale.Importance.values)


@pytest.mark.usefixtures("demo_academy")
def test_an_academy_loaded_before_skills_had_levels_gets_them_once_and_keeps_edits():
    trend_analysis = SkillScale.objects.get(skill__slug="trend-analysis")
    trend_analysis.level_1 = "Edited in the admin."
    trend_analysis.save()
    SkillScale.objects.exclude(pk=trend_analysis.pk).delete()
    call_command("load_academy", verbosity=0, stdout=StringIO())
    call_command("load_academy", verbosity=0, stdout=StringIO())
    assert SkillScale.objects.count() == Skill.objects.count()
    trend_analysis.refresh_from_db()
    assert trend_analysis.level_1 == "Edited in the admin."


# The loaded academy -----------------------------------------------------------------------------


def academy_counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "skill areas": SkillArea.objects.count(),
        "skills": Skill.objects.count(),
        "skill scales": SkillScale.objects.count(),
        "materials": Material.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "tags": Tag.objects.count(),
        "cohorts": Cohort.objects.count(),
        "sessions": Session.objects.count(),
        "groups": Group.objects.count(),
        "group members": User.groups.through.objects.count(),
        "people": User.objects.count(),
        "applications": Application.objects.count(),
        "seats taken": sorted(Cohort.objects.values_list("seats_taken", flat=True)),
        "trainers": Cohort.trainers.through.objects.count(),
        **{
            model._meta.verbose_name_plural: model.objects.count()
            for model in (
                Team,
                TeamMember,
                Assignment,
                RubricCriterion,
                Submission,
                SubmissionVersion,
                SubmissionFile,
                Feedback,
                RubricScore,
                ActionPlan,
                PlanVersion,
                PlanGoal,
                PlanAction,
                PlanKPI,
                PlanComment,
            )
        },
    }


@pytest.mark.usefixtures("demo_academy")
def test_loading_the_academy_twice_changes_nothing():
    before = academy_counts()
    call_command("load_academy", verbosity=0, stdout=StringIO())
    assert academy_counts() == before


@pytest.mark.usefixtures("demo_academy")
def test_an_academy_loaded_before_editions_had_sessions_gets_them_once():
    """A database loaded before editions ran as cohorts gets their cohorts and schedules on the
    next load, and only once."""
    before = academy_counts()
    Session.objects.all().delete()
    Cohort.objects.all().delete()
    call_command("load_academy", verbosity=0, stdout=StringIO())
    call_command("load_academy", verbosity=0, stdout=StringIO())
    after = academy_counts()
    assert after["cohorts"] == before["cohorts"] == 4
    assert after["sessions"] == before["sessions"]


# The editions' schedules: dates from the domain brief, online days in Brussels time, on-site days
# in the host city's zone.
SCHEDULES = {
    "strasbourg-2023": {
        "online": ["2022-12-01", "2022-12-02"],
        "on site": ["2023-03-02", "2023-03-03"],
        "zone": "Europe/Paris",
        "venue": "University of Strasbourg, Strasbourg",
    },
    "turin-2023": {
        "online": ["2023-06-06", "2023-06-07"],
        "on site": ["2023-09-21", "2023-09-22"],
        "zone": "Europe/Rome",
        "venue": "Environment Park, Turin",
    },
    "sofia-2024": {
        "online": ["2024-01-23", "2024-01-24", "2024-01-25"],
        "on site": ["2024-03-11", "2024-03-12"],
        "zone": "Europe/Sofia",
        "venue": "Sofia",
    },
}


def local_dates(sessions):
    return sorted({str(session.starts_at.astimezone(session.zone).date()) for session in sessions})


@pytest.mark.parametrize("slug", SCHEDULES)
def test_each_real_edition_has_its_sessions_on_the_domain_dates(demo_academy, slug):
    schedule = SCHEDULES[slug]
    edition = EditionPage.objects.get(slug=slug)
    online = edition.sessions.filter(kind=Session.Kind.ONLINE)
    on_site = edition.sessions.filter(kind=Session.Kind.ON_SITE)
    assert local_dates(online) == schedule["online"]
    assert local_dates(on_site) == schedule["on site"]
    # A morning and an afternoon live session each online day, from 10:00 Brussels time.
    assert len(online) == 2 * len(schedule["online"])
    for session in online:
        assert session.time_zone == "Europe/Brussels"
        assert session.starts_at.astimezone(session.zone).hour in (10, 14)
        assert not session.all_day
        # Past sessions: a recording on an illustrative address, and no join link to leak.
        assert session.recording_url.startswith("https://video.example.org/")
        assert session.join_url == ""
    for session in on_site:
        assert session.all_day
        assert session.time_zone == schedule["zone"]
        assert session.venue.startswith(schedule["venue"])
        assert edition.host_city in session.venue
    assert not edition.sessions.filter(cancelled=True).exists()


@pytest.mark.usefixtures("demo_academy")
def test_session_times_are_stored_in_utc_from_their_local_time():
    """10:00 in Brussels is 09:00 UTC in winter and 08:00 UTC in summer."""
    strasbourg = Session.objects.filter(edition__slug="strasbourg-2023").first()
    turin = Session.objects.filter(edition__slug="turin-2023").first()
    assert strasbourg.starts_at == datetime(2022, 12, 1, 9, 0, tzinfo=UTC)
    assert turin.starts_at == datetime(2023, 6, 6, 8, 0, tzinfo=UTC)
    sofia_day = Session.objects.get(edition__slug="sofia-2024", title__contains="day 1")
    assert sofia_day.starts_at.astimezone(zoneinfo.ZoneInfo("Europe/Sofia")).hour == 9


@pytest.mark.usefixtures("demo_academy")
def test_the_real_editions_take_no_more_applications():
    for edition in EditionPage.objects.filter(number__in=[1, 2, 3]).select_related("cohort"):
        assert edition.cohort.seats == edition.participants
        assert not edition.cohort.accepts_applications()


@pytest.mark.usefixtures("demo_academy")
def test_the_illustrative_edition_takes_applications_for_its_2027_sessions():
    edition = EditionPage.objects.get(number=4)
    assert edition.title.startswith("Illustrative edition")
    cohort = edition.cohort
    assert cohort.seats == 30
    assert cohort.accepts_applications()
    # Open since a week before loading, for two months after it.
    now = timezone.now()
    assert cohort.applications_open_at <= now - timedelta(days=7)
    assert now < cohort.applications_close_at <= now + timedelta(days=60)
    assert cohort.applications_close_at - cohort.applications_open_at == timedelta(days=67)

    sessions = list(edition.sessions.all())
    assert {session.starts_at.year for session in sessions} == {2027}
    assert all(session.starts_at > now for session in sessions)
    online = [s for s in sessions if s.kind == Session.Kind.ONLINE]
    on_site = [s for s in sessions if s.kind == Session.Kind.ON_SITE]
    assert online and all(s.join_url.startswith("https://meet.example.org/") for s in online)
    assert len(on_site) == 2 and all(s.all_day and s.venue for s in on_site)
    assert CoursePage.objects.child_of(edition).live().exists()


def slugs(queryset):
    return list(queryset.values_list("slug", flat=True))


def block_as_data(block):
    """A module body block as the data files write it: (type, text or dict)."""
    value = block.value
    match block.block_type:
        case "heading":
            return "heading", value
        case "paragraph":
            return "paragraph", value.source
        case "material":
            return "material", value["material"].slug
        case "callout":
            return "callout", {"style": value["style"], "text": value["text"].source}
        case "self_check":
            options = [{"text": o["text"], "correct": o["correct"]} for o in value["options"]]
            return "self_check", {**dict(value), "options": options}
    raise AssertionError(f"the demo data has no {block.block_type} block")


def local_zone(obj):
    """The zone the data files write `obj`'s times in."""
    match obj:
        case Session():
            return obj.zone
        case Assignment():
            return zoneinfo.ZoneInfo(obj.time_zone)
        case SubmissionVersion() | Feedback():
            return zoneinfo.ZoneInfo(obj.submission.assignment.time_zone)
    return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)


def as_data(obj, kind, key):
    """What `obj` holds for the data file's `key`, written as the data files write it."""
    model, renamed = MODELS[kind]
    value = getattr(obj, renamed.get(key, key))
    match kind, key:
        case ("cohort", "trainers") | ("team", "members"):
            users = User.objects.filter(team_memberships__team=obj) if kind == "team" else value
            return sorted(users.values_list("email", flat=True))
        case ("assignment", "course"):
            return value.slug if value.specific_class is CoursePage else value.get_parent().slug
        case ("assignment", "module"):
            return value.slug
        case ("feedback", "scores"):
            return list(value.order_by("criterion__sort_order").values_list("level", flat=True))
        case ("file", "pages") | ("feedback", "file_pages"):
            return bool(value)
        case (_, "skills"):
            return slugs(value.order_by("slug"))
        case (_, "tags"):
            return sorted(value.names())
        case ("course", "outcomes"):
            return [block.value for block in value]
        case ("module", "body"):
            return [block_as_data(block) for block in value]
        case ("material", "edition"):
            return value.number
        case ("material", "pages"):
            return value is not None
    match value:
        case datetime():
            # The data files write local times (sessions, assignments: in their own zone).
            return value.astimezone(local_zone(obj)).replace(tzinfo=None)
        case User():
            return value.email
        case Skill():
            return value.slug
        case Team():
            return value.name
        case PlanGoal() | PlanAction():
            return value.title
    return value


def assert_holds(obj, kind, record):
    """Every key of the record went into the model field it maps to (MODELS)."""
    for key, expected in academy_data.RECORDS[kind].items():
        if key not in record or isinstance(expected, Nested | Table) and kind != "module":
            continue  # left out (the model's default applies), or records of their own
        if MODELS[kind][1].get(key) is COMPLETED_COURSES:
            continue  # records of their own, tested with the coaching
        if kind == "cohort" and key in MODELS["cohort"][1]:
            continue  # dates relative to the day of loading, tested on their own
        value = record[key]
        if key in ("skills", "tags", "trainers", "members"):
            value = sorted(value)
        elif (kind, key) == ("material", "pages"):
            # The pages become the PDF document; a recording has none.
            value = bool(value) and record["kind"] != Material.Kind.RECORDING
        elif (kind, key) in (("file", "pages"), ("feedback", "file_pages")):
            value = True  # they become the file's PDF
        elif expected is float:
            value = Decimal(str(value))
        assert as_data(obj, kind, key) == value, f"{kind} {record.get('slug', '')}: {key}"


def test_the_academy_holds_what_the_data_files_say(demo_academy, data):
    assert isinstance(demo_academy, HomePage)
    assert demo_academy.live

    areas = SkillArea.objects.order_by("sort_order")
    assert slugs(areas) == [area["slug"] for area in data.skill_areas]
    for area, area_data in zip(areas, data.skill_areas, strict=True):
        assert_holds(area, "area", area_data)
        skills = area.skills.order_by("sort_order")
        assert slugs(skills) == [skill["slug"] for skill in area_data["skills"]]
        for skill, skill_data in zip(skills, area_data["skills"], strict=True):
            assert_holds(skill, "skill", skill_data)
            assert_holds(skill.scale, "scale", skill_data["scale"])

    # Every page where its slugs put it, live, holding what its data says.
    editions = EditionPage.objects.child_of(demo_academy).live().order_by("number")
    assert slugs(editions) == [edition["slug"] for edition in data.editions]
    for edition, edition_data in zip(editions, data.editions, strict=True):
        assert edition.url == f"/{edition.slug}/"
        assert_holds(edition, "edition", edition_data)
        assert_holds(edition.cohort, "cohort", edition_data["cohort"])
        sessions = edition.sessions.order_by("starts_at")
        assert len(sessions) == len(edition_data["sessions"])
        for session, session_data in zip(sessions, edition_data["sessions"], strict=True):
            assert_holds(session, "session", session_data)
        courses = CoursePage.objects.child_of(edition).live().order_by("path")
        assert slugs(courses) == [course["slug"] for course in edition_data["courses"]]
        for course, course_data in zip(courses, edition_data["courses"], strict=True):
            assert course.url == f"{edition.url}{course.slug}/"
            assert_holds(course, "course", course_data)
            modules = ModulePage.objects.child_of(course).live().order_by("path")
            assert slugs(modules) == [module["slug"] for module in course_data["modules"]]
            for module, module_data in zip(modules, course_data["modules"], strict=True):
                assert module.url == f"{course.url}{module.slug}/"
                assert_holds(module, "module", module_data)

    materials = Material.objects.published().select_related("edition", "document")
    assert sorted(slugs(materials)) == sorted(material["slug"] for material in data.materials)
    by_slug = {material.slug: material for material in materials}
    for material_data in data.materials:
        material = by_slug[material_data["slug"]]
        assert_holds(material, "material", material_data)
        assert MaterialLibraryPage.material_url(material) == f"/materials/{material.slug}/"


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


@pytest.mark.usefixtures("demo_academy")
def test_every_page_reachable_from_home_answers_200(client):
    """Follow every local link from / (pages, materials, skills, documents, calendars), by path;
    a page for signed-in people (applying to an edition) asks the visitor to sign in."""
    sign_in = reverse("accounts:login")
    seen, queue, failures = set(), ["/"], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code == 302 and response["Location"].startswith(f"{sign_in}?next="):
            continue
        if response.status_code != 200:
            failures.append((url, response.status_code))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = LinkParser()
        parser.feed(response.content.decode())
        for href in parser.links:
            parts = urlsplit(urljoin(url, href))
            if parts.scheme in ("http", "https") and parts.netloc not in ("", "testserver"):
                continue
            if parts.scheme not in ("", "http", "https") or parts.path.startswith("/admin/"):
                continue
            # Filter and sort links combine without end; every page is reachable by its path.
            queue.append(parts.path)
    assert not failures
    # The crawl really covered the academy: every published module and material page.
    for module in ModulePage.objects.live():
        assert module.url in seen
    for material in Material.objects.published():
        assert MaterialLibraryPage.material_url(material) in seen
    for session in Session.objects.all():
        assert reverse("cohorts:session_ics", args=[session.uid]) in seen


# The demo's coaching ----------------------------------------------------------------------------


def test_the_coaching_holds_what_the_data_files_say(demo_academy, data):
    """The people, each edition's trainers and participants, teams, assignments with their rubric,
    the work handed in with its feedback, and the action plans with their versions and comments:
    each record went into its model, in the files' order."""
    for person in data.people:
        assert_holds(User.objects.get(email=person["email"]), "person", person)
    for edition_data in data.editions:
        edition = EditionPage.objects.get(slug=edition_data["slug"])
        for participant in edition_data["cohort"]["participants"]:
            application = edition.cohort.applications.get(applicant__email=participant["email"])
            assert application.status == Application.Status.ACCEPTED
            assert_holds(application, "participant", participant)
            learner = application.applicant
            completed = [c.course.slug for c in learner.certificates.order_by("course__path")]
            assert completed == participant["completed_courses"]
            credentials = learner.credentials.filter(kind=Credential.Kind.COURSE)
            assert sorted(c.page_id for c in credentials) == sorted(
                c.course_id for c in learner.certificates.all()
            )
        for team, team_data in zip(
            edition.teams.order_by("pk"), edition_data["teams"], strict=True
        ):
            assert_holds(team, "team", team_data)
        assignments = Assignment.objects.filter(edition=edition).order_by("pk")
        for assignment, assignment_data in zip(
            assignments, edition_data["assignments"], strict=True
        ):
            assert_holds_assignment(assignment, assignment_data)
        plans = ActionPlan.objects.filter(edition=edition).order_by("pk")
        for plan, plan_data in zip(plans, edition_data["plans"], strict=True):
            assert_holds_plan(plan, plan_data)


def assert_holds_assignment(assignment, data):
    assert_holds(assignment, "assignment", data)
    criteria = assignment.criteria.order_by("sort_order")
    for criterion, criterion_data in zip(criteria, data["criteria"], strict=True):
        assert_holds(criterion, "criterion", criterion_data)
    submissions = assignment.submissions.order_by("pk")
    for submission, submission_data in zip(submissions, data["submissions"], strict=True):
        assert_holds(submission, "submission", submission_data)
        versions = submission.versions.order_by("number")
        for version, version_data in zip(versions, submission_data["versions"], strict=True):
            assert_holds(version, "submission version", version_data)
            files = version.files.order_by("pk")
            for file, file_data in zip(files, version_data["files"], strict=True):
                assert_holds(file, "file", file_data)
            if "feedback" in version_data:
                assert_holds(version.feedback, "feedback", version_data["feedback"])
            else:
                assert not Feedback.objects.filter(version=version).exists()


def assert_holds_plan(plan, data):
    assert_holds(plan, "plan", data)
    # The plan as it stands is its last version; each version keeps the plan as it was then.
    last = data["versions"][-1]
    assert_holds(plan, "plan version", last)
    for kind, rows in (("goal", plan.goals), ("action", plan.actions), ("kpi", plan.kpis)):
        for row, row_data in zip(rows.all(), last[f"{kind}s"], strict=True):
            assert_holds(row, kind, row_data)
    versions = plan.versions.order_by("number")
    assert [version.number for version in versions] == list(range(1, len(data["versions"]) + 1))
    for version, version_data in zip(versions, data["versions"], strict=True):
        saved_at = version.saved_at.astimezone(local_zone(version)).replace(tzinfo=None)
        assert saved_at == version_data["saved_at"]
        content = version.content
        assert content["notes"] == version_data["notes"]
        for kind, name in (("goals", "title"), ("actions", "title"), ("kpis", "name")):
            assert [row[name] for row in content[kind]] == [row[name] for row in version_data[kind]]
    for comment, comment_data in zip(
        plan.comments.order_by("created_at"), data["comments"], strict=True
    ):
        assert_holds(comment, "comment", comment_data)


@pytest.mark.usefixtures("demo_academy")
def test_every_demo_edition_sets_an_assignment_with_a_rubric_on_its_own_course():
    """One assignment per edition, on a course or module of that edition, with a brief of a few
    sentences, a due date, and two or three criteria, each assessing a skill on three to five
    described levels."""
    for edition in EditionPage.objects.all():
        assignments = list(Assignment.objects.filter(edition=edition))
        assert len(assignments) == 1, edition
        assignment = assignments[0]
        page = assignment.page.specific
        assert isinstance(page, CoursePage | ModulePage)
        assert page.is_descendant_of(edition)
        assert assignment.brief.count(". ") >= 2, assignment
        assert assignment.due_at.tzinfo is not None
        criteria = list(assignment.criteria.select_related("skill"))
        assert 2 <= len(criteria) <= 3, assignment
        for criterion in criteria:
            assert criterion.skill_id
            assert 3 <= len(criterion.levels) <= 5, criterion
            assert len(set(criterion.levels)) == len(criterion.levels), criterion
    # Both kinds of work: a team case study among the individual homework.
    assert {a.work for a in Assignment.objects.all()} == set(Assignment.Work.values)


def sign_in(client, email):
    response = client.post("/accounts/login/", {"username": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302, email
    return User.objects.get(email=email)


@pytest.mark.usefixtures("demo_academy")
def test_each_demo_edition_has_fictional_trainers_who_sign_in_with_the_demo_password(client):
    """As the README says: a trainer of every edition, clearly made up, signs in with the
    published password and reaches the admin's coaching views; each sees only the work of the
    editions they train."""
    for edition in EditionPage.objects.select_related("cohort"):
        trainers = list(edition.cohort.trainers.all())
        assert trainers, edition
        for trainer in trainers:
            assert trainer.display_name.endswith("(fictional)")
            assert trainer.email.endswith("@example.org")
            assert trainer.groups.filter(name=TRAINERS_GROUP).exists()
            assert trains(trainer, edition)
    for trainer in User.objects.filter(groups__name=TRAINERS_GROUP):
        sign_in(client, trainer.email)
        assert client.get("/admin/").status_code == 200
        reviewable = reviewable_submissions(trainer)
        assert reviewable.exists()
        for submission in Submission.objects.select_related("assignment__edition"):
            in_their_edition = trains(trainer, submission.assignment.edition)
            assert reviewable.filter(pk=submission.pk).exists() == in_their_edition
        client.post("/accounts/logout/")


def test_the_demo_people_are_clearly_fictional(data):
    for person in data.people:
        assert person["name"].endswith("(fictional)"), person["email"]
        assert person["organisation"].endswith("(fictional)"), person["email"]
        assert person["email"].endswith("@example.org"), person["email"]


def read(field_file):
    with field_file.open("rb") as handle:
        return handle.read()


@pytest.mark.usefixtures("demo_academy")
def test_the_demo_participant_has_two_versions_with_feedback_and_rubric_scores(client):
    """Petra's homework: handed in, sent back for a new version with scores and an annotated
    file, handed in again and reviewed; every criterion scored within its levels, by a trainer of
    her edition, and every file a real PDF in the private storage."""
    petra = sign_in(client, "petra.demo@example.org")
    submission = Submission.objects.select_related("assignment__edition").get(learner=petra)
    assignment = submission.assignment
    assert participates(petra, assignment.edition)
    versions = list(submission.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2] and submission.version_count == 2
    assert all(v.author == petra and v.text for v in versions)
    criteria = list(assignment.criteria.order_by("sort_order"))
    outcomes = []
    for version in versions:
        feedback = version.feedback
        assert feedback.submission == submission
        assert trains(feedback.trainer, assignment.edition)
        assert feedback.created_at > version.submitted_at
        scores = {score.criterion: score.level for score in feedback.scores.all()}
        assert set(scores) == set(criteria)
        assert all(1 <= level <= len(c.levels) for c, level in scores.items())
        outcomes.append(feedback.outcome)
    assert outcomes == [Feedback.Outcome.RESUBMIT, Feedback.Outcome.REVIEWED]
    assert submission.status == Submission.Status.REVIEWED
    assert submission.reviewed_at == versions[1].feedback.created_at
    assert submission.submitted_at == versions[1].submitted_at and not submission.late
    files = [file for version in versions for file in version.files.all()]
    assert files and read(versions[0].feedback.file).startswith(b"%PDF-")
    for file in files:
        assert read(file.file).startswith(b"%PDF-") and file.size == file.file.size
        assert file.content_type == "application/pdf" and file.name.endswith(".pdf")
        assert file.file.storage is SubmissionFile._meta.get_field("file").storage


@pytest.mark.usefixtures("demo_academy")
def test_the_demo_action_plan_has_two_versions_and_a_trainer_comment_on_a_goal():
    plan = ActionPlan.objects.select_related("learner", "edition").get(
        learner__email="petra.demo@example.org"
    )
    assert participates(plan.learner, plan.edition)
    versions = list(plan.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2] and plan.version == 2
    assert versions[0].saved_at < versions[1].saved_at == plan.updated_at
    assert all(v.saved_by == plan.learner for v in versions)
    # The second version changed the plan, and is the plan as it stands.
    assert versions[0].content != versions[1].content
    assert versions[1].content == snapshot(plan)
    assert plan.goals.exists() and plan.actions.exists() and plan.kpis.exists()
    assert plan.shared_with_trainers and versions[0].saved_at <= plan.shared_at
    comments = list(plan.comments.select_related("author", "goal"))
    on_goals = [comment for comment in comments if comment.goal is not None]
    assert on_goals
    for comment in comments:
        assert trains(comment.author, plan.edition)
        assert comment.created_at > plan.shared_at
        assert (comment.goal or comment.action).plan == plan
        assert comment.about.endswith((comment.goal or comment.action).title)


@pytest.mark.usefixtures("demo_academy")
def test_a_demo_team_hands_in_its_case_study_together():
    """A team of participants of one edition, with team work handed in by one member and waiting
    for the edition's trainer."""
    team = Team.objects.select_related("edition").get()
    members = list(User.objects.filter(team_memberships__team=team))
    assert len(members) >= 2
    assert all(participates(member, team.edition) for member in members)
    submission = Submission.objects.select_related("assignment").get(team=team)
    assert submission.learner is None and submission.assignment.is_team_work
    assert submission.assignment.edition == team.edition
    assert submission.versions.get().author in members
    assert submission.status == Submission.Status.SUBMITTED
    trainer = team.edition.cohort.trainers.get()
    assert reviewable_submissions(trainer).filter(pk=submission.pk).exists()


@pytest.mark.usefixtures("demo_academy")
def test_demo_participants_take_their_seats_and_join_their_editions_groups():
    for cohort in Cohort.objects.select_related("participants_group"):
        accepted = cohort.applications.filter(status=Application.Status.ACCEPTED)
        assert cohort.seats_taken == accepted.count()
        members = set(cohort.participants_group.user_set.values_list("pk", flat=True))
        assert members == set(accepted.values_list("applicant_id", flat=True))


@pytest.mark.usefixtures("demo_academy")
def test_loading_again_keeps_what_people_and_editors_changed():
    """An assignment an editor reworded, a rubric level rewritten, a trainer staff added, a
    password its owner changed: the next load leaves them, and adds nothing."""
    assignment = Assignment.objects.order_by("pk").first()
    assignment.title = "Edited in the admin"
    assignment.save()
    criterion = assignment.criteria.first()
    criterion.level_1 = "Rewritten by the trainer."
    criterion.save()
    cohort = assignment.edition.cohort
    extra_trainer = User.objects.create_user("extra.trainer@example.org", "another password")
    cohort.trainers.add(extra_trainer)
    petra = User.objects.get(email="petra.demo@example.org")
    petra.set_password("her own password")
    petra.save()
    before = academy_counts()
    call_command("load_academy", verbosity=0, stdout=StringIO())
    assert academy_counts() == before
    assignment.refresh_from_db()
    criterion.refresh_from_db()
    petra.refresh_from_db()
    assert assignment.title == "Edited in the admin"
    assert criterion.level_1 == "Rewritten by the trainer."
    assert extra_trainer in cohort.trainers.all()
    assert petra.check_password("her own password")


@pytest.mark.usefixtures("demo_academy")
def test_an_academy_loaded_before_coaching_gets_it_once():
    """A database loaded before the academy had coaching gets its people, trainers, teams,
    assignments, work and plans on the next load, and only once."""
    before = academy_counts()
    Assignment.objects.all().delete()
    Team.objects.all().delete()
    User.objects.filter(email__endswith="@example.org").delete()
    assert not Cohort.trainers.through.objects.exists()
    call_command("load_academy", verbosity=0, stdout=StringIO())
    call_command("load_academy", verbosity=0, stdout=StringIO())
    assert academy_counts() == before
