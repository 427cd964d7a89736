"""Load the demo Cluster Booster Academy from its data files (demo/data/): taxonomy with each
skill's levels, editions with their applications and live sessions, courses, modules and
materials.

Idempotent: anything that already exists (matched by slug; an edition's cohort and sessions,
which have none, once the edition has any; a skill's levels once it has them) is left as it is, so a second run creates nothing and
changes nothing.
"""

import io
import json
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from fpdf import FPDF
from PIL import Image as PILImage
from PIL import ImageDraw

from assessments.models import SkillScale
from cohorts.models import Cohort, Session
from courses.models import CoursePage, EditionPage, ModulePage
from demo import academy_data
from home.models import HomeFeaturedCourse, HomePage
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


class Command(BaseCommand):
    help = "Load the demo Cluster Booster Academy (safe to run again: existing content is kept)."

    def handle(self, *args, **options):
        academy = academy_data.load()
        with transaction.atomic():
            self.created = 0
            skills = self.load_skills(academy.skill_areas)
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
