"""Test data: factories for the academy's pages, taxonomy, materials and people."""

import datetime
import json
import uuid

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction, Site

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from assessments.models import Rating, SelfAssessment, SkillScale
from coaching.models import (
    ActionPlan,
    Assignment,
    RubricCriterion,
    Submission,
    SubmissionVersion,
    Team,
    TeamMember,
)
from cohorts import applications
from cohorts.models import Application, Cohort, Session
from courses.models import CoursePage, EditionPage, ModulePage, ModuleSkill
from credentials import issuing
from home.models import HomePage
from learning.models import Certificate, Enrolment, ModuleCompletion
from lms.accounts.models import User
from materials.models import Material, MaterialLibraryPage
from skills.models import Skill, SkillArea
from xapi.models import Statement


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"learner{n}@clusters.example.org")
    display_name = factory.Sequence(lambda n: f"Learner {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class SkillAreaFactory(DjangoModelFactory):
    class Meta:
        model = SkillArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test area {n}")
    slug = factory.Sequence(lambda n: f"test-area-{n}")
    sort_order = factory.Sequence(lambda n: 100 + n)


class SkillFactory(DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test skill {n}")
    slug = factory.Sequence(lambda n: f"test-skill-{n}")
    area = factory.SubFactory(SkillAreaFactory)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Cluster Booster Academy"
    slug = "academy"


def make_site_root(home):
    """Make `home` the root of the default site, as `load_academy` does for the demo."""
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def academy_home():
    """A live home page at the root of the default site, below the tree's root."""
    return make_site_root(HomePageFactory(parent=Page.get_first_root_node()))


class MaterialLibraryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MaterialLibraryPage

    title = "Materials"
    slug = "materials"


class EditionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EditionPage

    title = factory.Sequence(lambda n: f"Test edition {n}")
    number = factory.Sequence(lambda n: 10 + n)
    host_city = "Brussels"
    online_start = datetime.date(2025, 1, 20)
    online_end = datetime.date(2025, 1, 22)
    onsite_start = datetime.date(2025, 3, 10)
    onsite_end = datetime.date(2025, 3, 11)


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Test course {n}")
    summary = "A course used by the tests."


def self_check(question="Which answer is right?", correct=1, required=True):
    options = [{"text": f"Option {i}", "correct": i == correct} for i in range(3)]
    return {
        "type": "self_check",
        "value": {
            "question": question,
            "options": options,
            "explanation": "",
            "required": required,
        },
    }


def material_block(material, note=""):
    """A module body block citing `material`, e.g. `body=json.dumps([material_block(m)])`."""
    return {"type": "material", "value": {"material": material.pk, "note": note}}


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Test module {n}")
    estimated_minutes = 15
    body = factory.LazyFunction(
        lambda: json.dumps([{"type": "paragraph", "value": "<p>Module text for the tests.</p>"}])
    )


class MaterialFactory(DjangoModelFactory):
    class Meta:
        model = Material
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Test material {n}")
    slug = factory.Sequence(lambda n: f"test-material-{n}")
    kind = Material.Kind.WORKSHEET
    description = "A worksheet used by the tests."
    live = True

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        if extracted:
            obj.skills.set(extracted)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.set(extracted)
        if create:
            obj.save()


def member_of(group_name):
    """Membership of one of Wagtail's standard groups, set up by lms/core's roles migration."""

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=group_name))

    return groups


class EditorFactory(UserFactory):
    email = factory.Sequence(lambda n: f"editor{n}@eccp.example.org")
    groups = member_of("Editors")


class ModeratorFactory(UserFactory):
    email = factory.Sequence(lambda n: f"moderator{n}@eccp.example.org")
    groups = member_of("Moderators")


class SuperuserFactory(UserFactory):
    email = factory.Sequence(lambda n: f"admin{n}@eccp.example.org")
    is_staff = True
    is_superuser = True


class CourseWithModulesFactory(CoursePageFactory):
    """A live course with `modules` live modules (3 unless told), each teaching a skill of the
    taxonomy (a new one if there is none).

    `modules__body` gives every module the same body, e.g. one built with `self_check()`.
    """

    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    @factory.post_generation
    def modules(obj, create, extracted, **kwargs):
        if not create:
            return
        skills = list(Skill.objects.order_by("pk")[:8]) or [SkillFactory()]
        for i in range(3 if extracted is None else extracted):
            module = ModulePageFactory(parent=obj, **kwargs)
            ModuleSkill.objects.create(content_object=module, tag=skills[i % len(skills)])


class EnrolmentFactory(DjangoModelFactory):
    class Meta:
        model = Enrolment

    learner = factory.SubFactory(UserFactory)


class ModuleCompletionFactory(DjangoModelFactory):
    class Meta:
        model = ModuleCompletion

    learner = factory.SubFactory(UserFactory)


class CertificateFactory(DjangoModelFactory):
    class Meta:
        model = Certificate

    learner = factory.SubFactory(UserFactory)
    learner_name = factory.SelfAttribute("learner.display_name")
    course_title = factory.SelfAttribute("course.title")
    edition_title = "Test edition"
    module_count = 3


class CohortFactory(DjangoModelFactory):
    """An edition's applications, open since yesterday for a month. Pass `edition=`."""

    class Meta:
        model = Cohort

    seats = 30
    applications_open_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    applications_close_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=30)
    )


class ApplicationFactory(DjangoModelFactory):
    """A submitted application. Pass `cohort=`; accept it through cohorts.applications, which
    takes the seat."""

    class Meta:
        model = Application

    applicant = factory.SubFactory(UserFactory)
    organisation = "Example Cluster of Photonics"
    role = "Cluster manager"
    country = "Belgium"
    motivation = "Our cluster is growing and needs a strategy."
    learning_goals = "Strategy, funding and internationalisation."


def accepted_participant(edition, applicant=None):
    """An application to `edition` (by a new learner unless `applicant` is given), accepted by
    staff through cohorts.applications: it holds a seat and its applicant is in the edition's
    participants group."""
    cohort = Cohort.objects.filter(edition=edition).first() or CohortFactory(edition=edition)
    application = ApplicationFactory(cohort=cohort, applicant=applicant or UserFactory())
    return applications.accept(application, by=SuperuserFactory())


class SessionFactory(DjangoModelFactory):
    """An online live session of two hours, a week from now. Pass `edition=`."""

    class Meta:
        model = Session

    title = factory.Sequence(lambda n: f"Live session {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + datetime.timedelta(hours=2))
    join_url = factory.Sequence(lambda n: f"https://meet.example.org/session-{n}")


def crowd_of_applicants(cohort, size, status=Application.Status.WAITLISTED):
    """`size` new applicants to `cohort`, submitted or waitlisted, made in bulk for the query-count
    tests. The waitlisted queue in the order they are made, ahead of anyone waitlisted now."""
    start = Application.objects.filter(cohort=cohort).count()
    users = User.objects.bulk_create(
        User(email=f"crowd-{cohort.pk}-{n}@clusters.example.org", display_name=f"Crowd {n}")
        for n in range(start, start + size)
    )
    yesterday = timezone.now() - datetime.timedelta(days=1)
    waitlisted = status == Application.Status.WAITLISTED
    Application.objects.bulk_create(
        Application(
            cohort=cohort,
            applicant=user,
            organisation="Crowd cluster",
            role="Cluster manager",
            country="Belgium",
            motivation="-",
            learning_goals="-",
            status=status,
            waitlisted_at=yesterday + datetime.timedelta(seconds=n) if waitlisted else None,
        )
        for n, user in enumerate(users, start)
    )


class PageViewRestrictionFactory(DjangoModelFactory):
    """Closes a page and everything under it: to a password (the default), to signed-in users
    (restriction_type="login") or to groups (restriction_type="groups", groups=[...])."""

    class Meta:
        model = PageViewRestriction
        skip_postgeneration_save = True

    restriction_type = PageViewRestriction.PASSWORD
    password = "let me in"

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.set(extracted)


def hidden_content(academy, word="Quokka"):
    """Everything the public must never see in `academy` (a SmallAcademy), each titled with `word`
    and tagged with the skill action-planning: a draft material, a draft course, an unpublished
    module of a live course, and live courses under a password, a login and a group restriction,
    each with a live module."""
    skill = academy.action_planning
    edition = academy.editions[0]
    public_course = academy.course
    pages = {
        "draft course": CoursePageFactory(parent=edition, title=f"{word} draft course", live=False),
        "unpublished module": ModulePageFactory(
            parent=public_course, title=f"{word} unpublished module", live=False
        ),
    }
    group, _ = Group.objects.get_or_create(name=f"{word} group")
    for kind in ("password", "login", "groups"):
        course = CoursePageFactory(parent=edition, title=f"{word} {kind} course")
        pages[f"{kind} course"] = course
        pages[f"{kind} module"] = ModulePageFactory(parent=course, title=f"{word} {kind} module")
        PageViewRestrictionFactory(
            page=course,
            restriction_type=kind,
            groups=[group] if kind == "groups" else [],
        )
    for page in pages.values():
        page.skills.add(skill)
        page.save()
    material = MaterialFactory(
        title=f"{word} draft material",
        description=f"{word} notes nobody may read yet.",
        kind=Material.Kind.CASE_STUDY,
        language="pl",
        edition=edition,
        live=False,
        skills=[skill],
        tags=[f"{word} secret"],
    )
    return {"material": material, **pages}


class SmallAcademy:
    """A small academy built with the factories, for tests that need a whole site: a home page
    at the site's root with the materials library, two skill areas with two skills each, two
    editions with a course of three modules each, and a published and a draft material.

    Named after what the demo has, so that a test reads as the story it tells, yet independent of
    the demo's content: editing demo/data/ never changes it.
    """

    def __init__(self, home):
        self.home = home
        self.library = MaterialLibraryPageFactory(parent=home)
        self.strategy = SkillAreaFactory(name="Strategy & foresight", slug="strategy-foresight")
        self.performance = SkillAreaFactory(name="Performance & impact", slug="performance-impact")
        self.action_planning = SkillFactory(
            name="Action planning", slug="action-planning", area=self.strategy
        )
        self.trend_analysis = SkillFactory(
            name="Trend analysis", slug="trend-analysis", area=self.strategy
        )
        self.kpis = SkillFactory(name="KPIs and impact", slug="kpis-impact", area=self.performance)
        self.surveys = SkillFactory(
            name="Member satisfaction surveys",
            slug="member-satisfaction-surveys",
            area=self.performance,
        )
        self.editions = [
            EditionPageFactory(
                parent=home, title="Strasbourg 2023", slug="strasbourg-2023", number=1
            ),
            EditionPageFactory(parent=home, title="Sofia 2024", slug="sofia-2024", number=3),
        ]
        self.courses = []
        for edition, skill in zip(self.editions, (self.action_planning, self.kpis), strict=True):
            course = CoursePageFactory(parent=edition, title=f"Strategy in {edition.title}")
            course.skills.add(skill)
            course.save()
            for number in range(1, 4):
                module = ModulePageFactory(parent=course, title=f"{course.title}: part {number}")
                module.skills.add(skill)
                module.save()
            self.courses.append(course)
        self.material = MaterialFactory(
            title="Action plan template",
            slug="action-plan-template",
            kind=Material.Kind.TEMPLATE,
            edition=self.editions[0],
            skills=[self.action_planning],
            tags=["planning"],
        )
        self.draft_material = MaterialFactory(
            title="KPI worksheet draft",
            slug="kpi-worksheet-draft",
            live=False,
            skills=[self.kpis],
        )

    @property
    def course(self):
        return self.courses[0]

    @property
    def modules(self):
        return list(ModulePage.objects.child_of(self.course).live().order_by("path"))


# What the materials of `library_catalogue` are about: a title, a description and a free tag.
CATALOGUE_TOPICS = [
    ("Cluster strategy", "How cluster members agree on a strategy.", "cluster strategy"),
    ("Action plan", "Turning a strategy into an action plan with owners and dates.", "planning"),
    ("Internationalisation", "Taking cluster members to foreign markets.", "internationalisation"),
    ("Member survey", "What members expect from their cluster organisation.", "members"),
    ("Impact indicators", "Measuring outcomes for the board.", None),
]


def library_catalogue(academy, size=30):
    """`size` published materials in `academy`'s library (a SmallAcademy), varied in every facet:
    each kind in turn, three languages, either edition or none, one to three of its four skills,
    a free tag shared by a fifth of them (and "toolkit" on every fourth), and a date each, a week
    and a half apart. Their titles and descriptions speak of cluster strategy, action plans,
    internationalisation, member surveys and impact: the words the tests search for."""
    skills = [academy.action_planning, academy.trend_analysis, academy.kpis, academy.surveys]
    editions = [*academy.editions, None]
    kinds = Material.Kind.values
    languages = ["en", "fr", "en", "de"]
    materials = []
    for i in range(size):
        topic, description, tag = CATALOGUE_TOPICS[i % len(CATALOGUE_TOPICS)]
        kind = kinds[i % len(kinds)]
        materials.append(
            MaterialFactory(
                title=f"{topic}: {Material.Kind(kind).label.lower()} {i + 1}",
                description=description,
                kind=kind,
                language=languages[i % len(languages)],
                edition=editions[i % len(editions)],
                skills=[skills[(i + n) % len(skills)] for n in range(1 + i // 2 % 3)],
                tags=[name for name in (tag, "toolkit" if i % 4 == 0 else None) if name],
                date=datetime.date(2023, 1, 2) + datetime.timedelta(days=11 * i),
            )
        )
    return materials


def search_catalogue(academy):
    """The library catalogue, and modules on its topics: some matching a search in their title,
    others only in their introduction, for tests of how search ranks them."""
    library_catalogue(academy)
    for i, (topic, description, _) in enumerate(CATALOGUE_TOPICS * 2):
        ModulePageFactory(
            parent=academy.courses[i % 2],
            title=f"{topic} in practice" if i < len(CATALOGUE_TOPICS) else f"Workshop {i}",
            introduction=description,
        )


class SkillScaleFactory(DjangoModelFactory):
    """Five described levels of a skill (pass `skill=`), important by default."""

    class Meta:
        model = SkillScale

    level_1 = "New to it"
    level_2 = "Know the basics"
    level_3 = "Practise it regularly"
    level_4 = "Lead it in my cluster"
    level_5 = "Could teach it"


def self_assessment(learner, levels, when=None):
    """A self-assessment by `learner` giving each skill in `levels` ({skill: level}) its level;
    dated `when` if given (as a reassessment of another day)."""
    assessment = SelfAssessment.objects.create(learner=learner)
    if when is not None:
        SelfAssessment.objects.filter(pk=assessment.pk).update(submitted_at=when)
        assessment.refresh_from_db()
    Rating.objects.bulk_create(
        Rating(assessment=assessment, skill=skill, level=level) for skill, level in levels.items()
    )
    return assessment


def trainer_of(edition, trainer=None):
    """`trainer` (a new account unless given) named a trainer of `edition` by staff: they join the
    Trainers group (cohorts.applications)."""
    trainer = trainer or UserFactory(display_name="Tessa Trainer", role=User.Role.TRAINER)
    cohort = Cohort.objects.filter(edition=edition).first() or CohortFactory(edition=edition)
    cohort.trainers.add(trainer)
    return trainer


class AssignmentFactory(DjangoModelFactory):
    """Individual work on a course or module (pass `page=`), due in a week, text and files,
    without a rubric; `criteria=[skill, …]` adds a three-level criterion per skill."""

    class Meta:
        model = Assignment
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Homework {n}")
    brief = "<p>Map your cluster's stakeholders and their needs.</p>"
    due_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):
        for skill in extracted or []:
            RubricCriterionFactory(assignment=obj, skill=skill)


class RubricCriterionFactory(DjangoModelFactory):
    class Meta:
        model = RubricCriterion

    title = factory.LazyAttribute(lambda criterion: f"Uses {criterion.skill.name}")
    level_1 = "Names it"
    level_2 = "Applies it with help"
    level_3 = "Applies it on their own"


def team_of(edition, *members, name=None):
    """A team of `edition` formed by staff, with `members` (participants)."""
    team = Team.objects.create(edition=edition, name=name or f"Team {Team.objects.count() + 1}")
    for learner in members:
        TeamMember.objects.create(team=team, learner=learner)
    return team


def handed_in(assignment, by, text="My answer.", team=None, when=None):
    """Version 1 of `by`'s submission (or `team`'s, written by `by`) to `assignment`, made directly
    for tests that need work to exist; the story of handing in goes through coaching.submissions."""
    when = when or timezone.now()
    late = when > assignment.due_at
    submission = Submission.objects.create(
        assignment=assignment,
        learner=None if team else by,
        team=team,
        version_count=1,
        submitted_at=when,
        late=late,
    )
    SubmissionVersion.objects.create(
        submission=submission, number=1, text=text, author=by, submitted_at=when, late=late
    )
    return submission


def action_plan(learner, edition, **fields):
    return ActionPlan.objects.create(learner=learner, edition=edition, **fields)


def earned_credential(learner, edition, skill=None, **course_fields):
    """`learner`'s Open Badges credential for a new course of `edition` teaching `skill` (a new
    one if not given), issued as completing the course issues it."""
    course = CourseWithModulesFactory(parent=edition, **course_fields)
    course.skills.add(skill or SkillFactory())
    course.save()
    return issuing.issue_for_course(learner, course)


class StatementFactory(DjangoModelFactory):
    """A statement in the xAPI outbox, pending and due unless told; pass `learner=` (or None for
    one of the academy's own)."""

    class Meta:
        model = Statement

    statement_id = factory.LazyFunction(uuid.uuid4)
    verb = "completed"
    payload = factory.LazyAttribute(
        lambda statement: {
            "id": str(statement.statement_id),
            "actor": {
                "objectType": "Agent",
                "account": {
                    "homePage": "http://testserver",
                    "name": str(statement.learner.pk if statement.learner else "academy"),
                },
            },
            "verb": {
                "id": f"http://adlnet.gov/expapi/verbs/{statement.verb}",
                "display": {"en-US": statement.verb},
            },
            "object": {
                "objectType": "Activity",
                "id": f"http://testserver/xapi/activities/module/{statement.statement_id}",
            },
            "timestamp": timezone.now().isoformat(),
        }
    )
