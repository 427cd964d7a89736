"""Load the demo Cluster Booster Academy from its data files (demo/data/): taxonomy with each
skill's levels, editions with their applications and live sessions, courses, modules and
materials; and the coaching: fictional trainers and participants, teams, assignments with their
rubrics, work handed in with the trainers' feedback, and an action plan with its versions and
comments.

Idempotent: anything that already exists is left as it is, so a second run creates nothing and
changes nothing, and what editors changed since stays. Things are matched by slug (pages,
materials, skills) or by email (people); those without either are loaded once, when their place
has none: an edition's cohort, sessions and teams, a cohort's trainers, a course's or module's
assignments (with their rubric and the work handed in), a skill's levels, a participant's
application and action plan.

The demo's people get accounts with DEMO_PASSWORD, which the README publishes so that anyone can
try the academy as a trainer or a participant: the demo is for a machine of one's own, never for
a site others can reach.
"""

import io
import json
from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from fpdf import FPDF
from PIL import Image as PILImage
from PIL import ImageDraw

from assessments.models import SkillScale
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
from cohorts.applications import participants_group_id
from cohorts.models import DEFAULT_TIME_ZONE, Application, Cohort, Session
from courses.models import CoursePage, EditionPage, ModulePage
from demo import academy_data
from home.models import HomeFeaturedCourse, HomePage
from learning.models import Enrolment, ModuleCompletion
from learning.services import issue_certificate_if_complete
from materials.models import Material, MaterialLibraryPage
from skills.models import Skill, SkillArea

HOME_INTRO = (
    "<p>The Cluster Booster Academy is the European Cluster Collaboration Platform's training "
    "for cluster managers, run on behalf of the European Commission. Each edition starts online "
    "and ends with two days on site: lectures with interaction, team work on case studies, "
    "homework discussed in feedback sessions, and coaching on your own strategic action plan.</p>"
    "<p>Browse the editions, follow a course module by module, and find slides, recordings, "
    "worksheets and case studies by the skill you want to build.</p>"
)


def pdf_bytes(title, pages):
    """A small real PDF: a title, then one page per paragraph of text."""
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author("Cluster Booster Academy (demo content)")
    for number, text in enumerate(pages or [title], start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.multi_cell(0, 9, _latin1(title) if number == 1 else f"{_latin1(title)} ({number})")
        pdf.ln(4)
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, _latin1(text))
    return bytes(pdf.output())


def _latin1(text):
    # The PDF core fonts are Latin-1; typographic punctuation is mapped, anything else replaced.
    table = str.maketrans(
        {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "€": "EUR"}
    )
    return text.translate(table).encode("latin-1", "replace").decode("latin-1")


def png_bytes(label, colour):
    image = PILImage.new("RGB", (1200, 400), colour)
    draw = ImageDraw.Draw(image)
    for x in range(0, 1200, 40):
        draw.line([(x, 400), (x + 400, 0)], fill=tuple(min(255, c + 18) for c in colour), width=6)
    draw.text((60, 320), label, fill=(255, 214, 23))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


EDITION_COLOURS = [(11, 61, 145), (10, 42, 102), (20, 84, 160), (30, 60, 120)]

# The password of every account the demo makes, published in the README (see the docstring).
DEMO_PASSWORD = "cluster-academy-demo"  # noqa: S105 (public on purpose: the README gives it)


class Command(BaseCommand):
    help = "Load the demo Cluster Booster Academy (safe to run again: existing content is kept)."

    def handle(self, *args, **options):
        academy = academy_data.load()
        with transaction.atomic():
            self.created = 0
            skills = self.load_skills(academy.skill_areas)
            people = self.load_people(academy.people)
            home = self.load_home()
            self.load_library(home)
            editions = {data["number"]: self.load_edition(home, data) for data in academy.editions}
            materials = {
                data["slug"]: self.load_material(data, editions, skills)
                for data in academy.materials
            }
            first_courses = []
            for data in academy.editions:
                edition = editions[data["number"]]
                self.load_cohort(edition, data["cohort"])
                self.load_sessions(edition, data["sessions"])
                courses = [self.load_course(edition, c, skills, materials) for c in data["courses"]]
                first_courses.append(courses[0])
                self.load_coaching(edition, data, skills, people)
            if not home.featured_courses.exists():
                for order, course in enumerate(first_courses):
                    HomeFeaturedCourse.objects.create(page=home, course=course, sort_order=order)
                    self.created += 1
        if self.created:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Demo academy ready ({self.created} objects created).")
        )

    # Taxonomy -----------------------------------------------------------------------------

    def load_skills(self, skill_areas):
        skills = {}
        for area_order, area_data in enumerate(skill_areas):
            area, created = SkillArea.objects.get_or_create(
                slug=area_data["slug"],
                defaults={
                    "name": area_data["name"],
                    "description": area_data["description"],
                    "sort_order": area_order,
                },
            )
            self.created += created
            for order, skill_data in enumerate(area_data["skills"]):
                skill, created = Skill.objects.get_or_create(
                    slug=skill_data["slug"],
                    defaults={
                        "name": skill_data["name"],
                        "description": skill_data["description"],
                        "area": area,
                        "sort_order": order,
                    },
                )
                self.created += created
                _, created = SkillScale.objects.get_or_create(
                    skill=skill, defaults=skill_data["scale"]
                )
                self.created += created
                skills[skill.slug] = skill
        return skills

    # Pages ---------------------------------------------------------------------------------

    def load_home(self):
        home = HomePage.objects.first()
        if home is not None:
            return home
        root = Page.get_first_root_node()
        # Wagtail's initial migration leaves a plain "Welcome" page; the academy replaces it.
        for page in root.get_children().filter(
            content_type__model="page", content_type__app_label="wagtailcore"
        ):
            Site.objects.filter(root_page=page).update(root_page=root)
            page.delete()
        home = root.add_child(
            instance=HomePage(
                title="Cluster Booster Academy",
                slug="home",
                tagline="Training for cluster managers, by the European Cluster Collaboration Platform",
                intro=HOME_INTRO,
            )
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Cluster Booster Academy",
            )
        else:
            site.root_page = home
            site.site_name = "Cluster Booster Academy"
            site.save()
        self.created += 1
        return home

    def _add_child(self, parent, page):
        existing = page.__class__.objects.child_of(parent).filter(slug=page.slug).first()
        if existing is not None:
            return existing
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def load_library(self, home):
        return self._add_child(
            home,
            MaterialLibraryPage(
                title="Materials library",
                slug="materials",
                intro="<p>Slides, recordings, worksheets, case studies, reading lists, "
                "self-assessments and templates from every edition, by skill.</p>",
            ),
        )

    def load_edition(self, home, data):
        existing = EditionPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if existing is not None:
            return existing
        image_model = get_image_model()
        colour = EDITION_COLOURS[(data["number"] - 1) % len(EDITION_COLOURS)]
        hero = image_model(
            title=f"{data['title']} banner",
            file=ImageFile(
                io.BytesIO(png_bytes(data["title"], colour)), name=f"edition-{data['number']}.png"
            ),
        )
        hero.save()
        self.created += 1
        fields = {
            key: data[key]
            for key in (
                "number",
                "title",
                "slug",
                "host_city",
                "host_organisation",
                "online_start",
                "online_end",
                "onsite_start",
                "onsite_end",
                "participants",
                "countries",
                "participants_note",
                "format",
                "intro",
            )
        }
        return self._add_child(home, EditionPage(hero_image=hero, **fields))

    def load_course(self, edition, data, skills, materials):
        course = CoursePage.objects.child_of(edition).filter(slug=data["slug"]).first()
        if course is None:
            course = CoursePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                level=data["level"],
                delivery=data["delivery"],
                estimated_hours=data["estimated_hours"],
                modules_in_order=data["modules_in_order"],
                learning_outcomes=json.dumps(
                    [{"type": "outcome", "value": outcome} for outcome in data["outcomes"]]
                ),
            )
            course.skills.set([skills[slug] for slug in data["skills"]])
            course.tags.set(data["tags"])
            course = self._add_child(edition, course)
        for module_data in data["modules"]:
            self.load_module(course, module_data, skills, materials)
        return course

    def load_module(self, course, data, skills, materials):
        if ModulePage.objects.child_of(course).filter(slug=data["slug"]).exists():
            return
        body = []
        for block_type, value in data["body"]:
            if block_type == "material":
                value = {"material": materials[value].pk, "note": ""}
            body.append({"type": block_type, "value": value})
        module = ModulePage(
            title=data["title"],
            slug=data["slug"],
            estimated_minutes=data["minutes"],
            introduction=data.get("introduction", ""),
            body=json.dumps(body),
        )
        module.skills.set([skills[slug] for slug in data["skills"]])
        module.tags.set(data["tags"])
        self._add_child(course, module)

    # Applications and sessions -------------------------------------------------------------

    def load_cohort(self, edition, data):
        if Cohort.objects.filter(edition=edition).exists():
            return
        cohort = Cohort(edition=edition, seats=data["seats"])
        if "open_to" in data:
            cohort.open_to = data["open_to"]
        # Dates relative to today keep the illustrative edition open whenever the demo is loaded.
        now = timezone.now()
        if "opens_days_before_loading" in data:
            cohort.applications_open_at = now - timedelta(days=data["opens_days_before_loading"])
        if "closes_days_after_loading" in data:
            cohort.applications_close_at = now + timedelta(days=data["closes_days_after_loading"])
        cohort.save()
        self.created += 1

    def load_sessions(self, edition, sessions):
        # Sessions have no slug to match them by, and editors may have moved them since.
        if edition.sessions.exists():
            return
        for data in sessions:
            fields = dict(data)
            starts_at, ends_at = fields.pop("starts_at"), fields.pop("ends_at")
            session = Session(edition=edition, **fields)
            # The data's times are local to the session's time zone.
            session.starts_at = starts_at.replace(tzinfo=session.zone)
            session.ends_at = ends_at.replace(tzinfo=session.zone)
            session.save()
            self.created += 1

    # Materials -----------------------------------------------------------------------------

    def load_material(self, data, editions, skills):
        material = Material.objects.filter(slug=data["slug"]).first()
        if material is not None:
            return material
        document = None
        if data.get("pages") and data["kind"] != Material.Kind.RECORDING:
            document = get_document_model()(title=data["title"])
            document.file.save(
                f"{data['slug']}.pdf",
                ContentFile(pdf_bytes(data["title"], data["pages"])),
                save=False,
            )
            document.save()
            self.created += 1
        material = Material(
            title=data["title"],
            slug=data["slug"],
            kind=data["kind"],
            description=data["description"],
            edition=editions[data["edition"]],
            language=data["language"],
            date=data["date"],
            external_url=data.get("external_url", ""),
            document=document,
            live=False,
        )
        material.skills.set([skills[slug] for slug in data["skills"]])
        material.tags.set(data["tags"])
        material.save()
        material.save_revision().publish()
        self.created += 1
        return material

    # People ----------------------------------------------------------------------------------

    def load_people(self, people):
        """The demo's fictional people by email: accounts made once, then left to their owners
        (a changed password or profile stays)."""
        user_model = get_user_model()
        password = None
        accounts = {}
        for data in people:
            # As sign-in finds an account: whatever the case of its address.
            user = user_model.objects.filter(email__iexact=data["email"]).first()
            if user is None:
                # One hash for all of them: the password is public, and hashing is slow on purpose.
                password = password or make_password(DEMO_PASSWORD)
                user = user_model.objects.create(
                    email=data["email"],
                    password=password,
                    display_name=data["name"],
                    organisation=data["organisation"],
                    country=data["country"],
                    role=data["role"],
                )
                self.created += 1
            accounts[data["email"]] = user
        return accounts

    # Coaching --------------------------------------------------------------------------------

    def load_coaching(self, edition, data, skills, people):
        cohort = Cohort.objects.get(edition=edition)
        self.load_trainers(cohort, data["cohort"]["trainers"], people)
        for participant in data["cohort"]["participants"]:
            self.load_participant(cohort, participant, people)
            for slug in participant["completed_courses"]:
                course = CoursePage.objects.child_of(edition).get(slug=slug)
                self.load_completion(course, people[participant["email"]])
        self.load_teams(edition, data["teams"], people)
        self.load_assignments(edition, data["assignments"], skills, people)
        for plan in data["plans"]:
            self.load_plan(edition, plan, skills, people)

    def load_trainers(self, cohort, emails, people):
        # Naming a trainer puts them in the Trainers group (cohorts.applications).
        if emails and not cohort.trainers.exists():
            cohort.trainers.add(*(people[email] for email in emails))
            self.created += len(emails)

    def load_participant(self, cohort, data, people):
        """An accepted application, made directly as the other demo rows are: nobody is emailed.
        It takes its seat and joins the participants group, as accepting does."""
        person = people[data["email"]]
        if Application.objects.filter(cohort=cohort, applicant=person).exists():
            return
        Application.objects.create(
            cohort=cohort,
            applicant=person,
            organisation=person.organisation,
            role=get_user_model().Role(person.role).label,
            country=person.country,
            motivation=data["motivation"],
            learning_goals=data["learning_goals"],
            status=Application.Status.ACCEPTED,
        )
        Cohort.objects.filter(pk=cohort.pk).update(seats_taken=F("seats_taken") + 1)
        person.groups.add(participants_group_id(cohort))
        self.created += 1

    def load_completion(self, course, person):
        """Every module of the course completed, and what that earns (the certificate and its
        credential) issued as the site issues it."""
        _, created = Enrolment.objects.get_or_create(learner=person, course=course)
        for module in course.get_modules():
            ModuleCompletion.objects.get_or_create(learner=person, module=module)
        issue_certificate_if_complete(person, course)
        self.created += int(created)

    def load_teams(self, edition, teams, people):
        if edition.teams.exists():
            return
        for data in teams:
            team = Team.objects.create(edition=edition, name=data["name"])
            for email in data["members"]:
                TeamMember.objects.create(team=team, learner=people[email])
            self.created += 1 + len(data["members"])

    def load_assignments(self, edition, assignments, skills, people):
        """Each course's or module's assignments, when it has none: an editor may since have
        changed them, or the rubric, and the work handed in is the participants'."""
        pages_with_work = set(
            Assignment.objects.filter(edition=edition).values_list("page_id", flat=True)
        )
        for data in assignments:
            page = CoursePage.objects.child_of(edition).get(slug=data["course"])
            if "module" in data:
                page = ModulePage.objects.child_of(page).get(slug=data["module"])
            if page.pk in pages_with_work:
                continue
            assignment = Assignment.objects.create(
                page=page,
                title=data["title"],
                brief=data["brief"],
                due_at=data["due_at"].replace(tzinfo=ZoneInfo(data["time_zone"])),
                time_zone=data["time_zone"],
                work=data["work"],
                accepts=data["accepts"],
            )
            criteria = [
                RubricCriterion.objects.create(
                    assignment=assignment,
                    sort_order=order,
                    skill=skills[criterion.pop("skill")],
                    **criterion,
                )
                for order, criterion in enumerate(dict(c) for c in data["criteria"])
            ]
            self.created += 1 + len(criteria)
            for submission in data["submissions"]:
                self.load_submission(assignment, criteria, submission, people)

    def load_submission(self, assignment, criteria, data, people):
        """A participant's or team's work, version by version, with the trainer's feedback on
        each version that has some, and the submission's state as those left it."""
        zone = ZoneInfo(assignment.time_zone)
        if "team" in data:
            team = Team.objects.filter(edition=assignment.edition, name=data["team"]).first()
            if team is None:
                return  # renamed or removed by staff since: its work goes with it
            owner = {"team": team}
        else:
            owner = {"learner": people[data["by"]]}
        submission = Submission.objects.create(assignment=assignment, **owner)
        self.created += 1
        for number, version_data in enumerate(data["versions"], start=1):
            submitted_at = version_data["submitted_at"].replace(tzinfo=zone)
            version = SubmissionVersion.objects.create(
                submission=submission,
                number=number,
                text=version_data["text"],
                author=people[version_data.get("by", data.get("by"))],
                submitted_at=submitted_at,
                late=assignment.is_past_due(submitted_at),
            )
            self.created += 1
            for file_data in version_data["files"]:
                content = pdf_bytes(file_data["name"], file_data["pages"])
                stored = SubmissionFile(
                    version=version,
                    name=file_data["name"],
                    content_type="application/pdf",
                    size=len(content),
                )
                stored.file.save(file_data["name"], ContentFile(content), save=False)
                stored.save()
                self.created += 1
            submission.version_count = number
            submission.submitted_at = submitted_at
            submission.late = version.late
            submission.status = Submission.Status.SUBMITTED
            if "feedback" in version_data:
                feedback = self.load_feedback(submission, version, criteria, version_data, people)
                # The submission's state once the latest version has feedback with this outcome
                # (as coaching.feedback leaves it): the two share their values.
                submission.status = Submission.Status(feedback.outcome)
                submission.reviewed_at = feedback.created_at
        submission.save()

    def load_feedback(self, submission, version, criteria, version_data, people):
        data = version_data["feedback"]
        feedback = Feedback(
            submission=submission,
            version=version,
            trainer=people[data["by"]],
            comments=data["comments"],
            outcome=data["outcome"],
            created_at=data["given_at"].replace(tzinfo=ZoneInfo(submission.assignment.time_zone)),
        )
        if "file_name" in data:
            content = pdf_bytes(data["file_name"], data["file_pages"])
            feedback.file_name = data["file_name"]
            feedback.file_content_type = "application/pdf"
            feedback.file.save(data["file_name"], ContentFile(content), save=False)
        feedback.save()
        RubricScore.objects.bulk_create(
            RubricScore(feedback=feedback, criterion=criterion, level=level)
            for criterion, level in zip(criteria, data["scores"], strict=True)
        )
        self.created += 1 + len(criteria)
        return feedback

    def load_plan(self, edition, data, skills, people):
        """The participant's action plan, saved version by version as the plan page saves it
        (coaching.plans): its goals, actions and KPIs become each version's, matched by title, and
        each version keeps the plan's snapshot. Then the trainers' comments."""
        learner = people[data["by"]]
        if ActionPlan.objects.filter(learner=learner, edition=edition).exists():
            return
        zone = ZoneInfo(DEFAULT_TIME_ZONE)
        plan = ActionPlan.objects.create(learner=learner, edition=edition)
        self.created += 1
        goals, actions = {}, {}
        for number, version in enumerate(data["versions"], start=1):
            saved_at = version["saved_at"].replace(tzinfo=zone)
            goals = self.sync_plan_rows(
                plan,
                PlanGoal,
                "title",
                [
                    {"title": goal["title"], "skill": skills.get(goal.get("skill"))}
                    for goal in version["goals"]
                ],
            )
            actions = self.sync_plan_rows(
                plan,
                PlanAction,
                "title",
                [
                    {
                        "title": action["title"],
                        "goal": goals.get(action.get("goal")),
                        "owner": action["owner"],
                        "due_on": action.get("due_on"),
                        "status": action["status"],
                    }
                    for action in version["actions"]
                ],
            )
            self.sync_plan_rows(
                plan,
                PlanKPI,
                "name",
                [
                    {
                        "name": kpi["name"],
                        "unit": kpi["unit"],
                        "baseline": _decimal(kpi.get("baseline")),
                        "target": _decimal(kpi.get("target")),
                    }
                    for kpi in version["kpis"]
                ],
            )
            plan.notes = version["notes"]
            plan.version = number
            plan.updated_at = saved_at
            plan.save()
            PlanVersion.objects.create(
                plan=plan,
                number=number,
                content=snapshot(plan),
                saved_by=learner,
                saved_at=saved_at,
            )
            self.created += 1
        if "shared_at" in data:
            plan.shared_with_trainers = True
            plan.shared_at = data["shared_at"].replace(tzinfo=zone)
            plan.save()
        for comment in data["comments"]:
            on_goal = "goal" in comment
            about = goals[comment["goal"]] if on_goal else actions[comment["action"]]
            PlanComment.objects.create(
                plan=plan,
                goal=about if on_goal else None,
                action=None if on_goal else about,
                # As coaching.plans.comment words it.
                about=f"{'Goal' if on_goal else 'Action'}: {about.title}",
                author=people[comment["by"]],
                body=comment["body"],
                created_at=comment["at"].replace(tzinfo=zone),
            )
            self.created += 1

    def sync_plan_rows(self, plan, model, key, rows):
        """Make the plan's `model` rows those of `rows`, in order: a row whose `key` (title or
        name) the plan already has is updated in place, as a save keeps it, so that comments stay
        on it; the others are new, and rows left out go. Returns the rows by `key`."""
        existing = {getattr(row, key): row for row in model.objects.filter(plan=plan)}
        kept = {}
        for order, fields in enumerate(rows):
            row = existing.pop(fields[key], None) or model(plan=plan)
            for name, value in fields.items():
                setattr(row, name, value)
            row.sort_order = order
            if row.pk is None:
                self.created += 1
            row.save()
            kept[fields[key]] = row
        model.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()
        return kept


def _decimal(number):
    # Through str, so that 12.5 is stored as 12.50 and not as the float's binary expansion.
    return None if number is None else Decimal(str(number))
