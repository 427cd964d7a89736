"""Each page type renders its content: a small academy built with the factories."""

import datetime
import json

from django.utils.html import escape

from wagtail.test.utils import WagtailPageTestCase

from courses.models import CoursePage, ModulePage
from tests.factories import (
    CoursePageFactory,
    EditionPageFactory,
    MaterialFactory,
    ModulePageFactory,
    SmallAcademy,
    academy_home,
    material_block,
    self_check,
)


class PageRenderingTest(WagtailPageTestCase):
    def setUp(self):
        self.academy = SmallAcademy(academy_home())

    def test_home_shows_latest_edition_featured_courses_and_skill_areas(self):
        home = self.academy.home
        latest = EditionPageFactory(
            parent=home,
            title="3rd Cluster Booster Academy: Sofia",
            onsite_start=datetime.date(2099, 5, 20),
            onsite_end=datetime.date(2099, 5, 21),
        )
        for course in self.academy.courses:
            home.featured_courses.create(course=course)
        home.save()
        self.assertPageIsRenderable(home)
        html = self.client.get(home.url).content.decode()
        start = html.index('id="current-edition-heading"')
        current = html[start : html.index("</section>", start)]
        self.assertIn("3rd Cluster Booster Academy", current)
        for edition in self.academy.editions:
            self.assertNotIn(edition.title, current)
            self.assertIn(edition.title, html)
        self.assertIn(latest.title, html)
        self.assertIn("Strategy &amp; foresight", html)
        self.assertIn('role="search"', html)
        for item in home.featured_courses.all():
            self.assertIn(item.course.title, html)

    def test_edition_shows_dates_city_figures_and_courses(self):
        edition = EditionPageFactory(
            parent=self.academy.home,
            title="2nd Cluster Booster Academy: Turin",
            number=2,
            host_city="Turin",
            online_start=datetime.date(2023, 6, 6),
            online_end=datetime.date(2023, 6, 7),
            onsite_start=datetime.date(2023, 9, 21),
            onsite_end=datetime.date(2023, 9, 22),
            participants_note="21 cluster managers from 13 countries",
        )
        for title in ("Strategy development", "Member engagement"):
            CoursePageFactory(parent=edition, title=title)
        self.assertPageIsRoutable(edition)
        self.assertPageIsRenderable(edition)
        html = self.client.get(edition.url).content.decode()
        self.assertIn("Turin", html)
        self.assertIn("21 Sep 2023", html)
        self.assertIn("6 Jun 2023", html)
        self.assertIn("21 cluster managers from 13 countries", html)
        for course in CoursePage.objects.child_of(edition):
            self.assertIn(course.title, html)

    def test_course_lists_its_modules_in_order_with_time(self):
        course = self.academy.course
        course.modules_in_order = True
        course.save_revision().publish()
        self.assertPageIsRenderable(course)
        response = self.client.get(course.url)
        html = response.content.decode()
        titles = [m.title for m in ModulePage.objects.child_of(course).order_by("path")]
        module_list = html[html.index('id="modules-heading"') :]
        positions = [module_list.index(title) for title in titles]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("taken in order", html)
        self.assertEqual(len(response.context["modules"]), len(titles))
        self.assertTrue(course.skills.exists())
        for skill in course.skills.all():
            self.assertIn(f'href="/skills/{skill.slug}/"', html)

    def test_module_renders_its_body_blocks(self):
        module = ModulePageFactory(
            parent=self.academy.course,
            body=json.dumps([self_check(question="What's in a cluster's action plan?")]),
        )
        self.assertPageIsRenderable(module)
        html = self.client.get(module.url).content.decode()
        question = module.self_checks[0].value["question"]
        self.assertIn(escape(question), html)
        self.assertIn('class="breadcrumbs"', html)
        self.assertIn(module.get_parent().title, html)

    def test_module_links_the_materials_it_references(self):
        material = self.academy.material
        module = ModulePageFactory(
            parent=self.academy.course, body=json.dumps([material_block(material)])
        )
        html = self.client.get(module.url).content.decode()
        self.assertIn(f'href="/materials/{material.slug}/"', html)

    def test_library_lists_published_materials(self):
        library = self.academy.library
        published = [
            self.academy.material,
            MaterialFactory(title="Members' needs & trends"),
            MaterialFactory(title="Cluster strategy slides"),
        ]
        self.assertPageIsRenderable(library)
        html = self.client.get(library.url).content.decode()
        for material in published:
            self.assertIn(escape(material.title), html)
        self.assertNotIn(self.academy.draft_material.title, html)
