"""Each page type renders the demo academy's real content."""

from wagtail.test.utils import WagtailPageTestCase

from courses.models import CoursePage, EditionPage, ModulePage
from home.models import HomePage
from materials.models import Material, MaterialLibraryPage


class PageRenderingTest(WagtailPageTestCase):
    def test_home_shows_latest_edition_featured_courses_and_skill_areas(self):
        home = HomePage.objects.get()
        self.assertPageIsRenderable(home)
        html = self.client.get(home.url).content.decode()
        self.assertIn("3rd Cluster Booster Academy", html)
        self.assertIn("Strategy &amp; foresight", html)
        self.assertIn('role="search"', html)
        for item in home.featured_courses.all():
            self.assertIn(item.course.title, html)

    def test_edition_shows_dates_city_figures_and_courses(self):
        edition = EditionPage.objects.get(number=2)
        self.assertPageIsRoutable(edition)
        self.assertPageIsRenderable(edition)
        html = self.client.get(edition.url).content.decode()
        self.assertIn("Turin", html)
        self.assertIn("21 Sep 2023", html)
        self.assertIn("6 Jun 2023", html)
        for course in CoursePage.objects.child_of(edition):
            self.assertIn(course.title, html)

    def test_course_lists_its_modules_in_order_with_time(self):
        course = CoursePage.objects.filter(modules_in_order=True).first()
        self.assertPageIsRenderable(course)
        response = self.client.get(course.url)
        html = response.content.decode()
        titles = [m.title for m in ModulePage.objects.child_of(course).order_by("path")]
        module_list = html[html.index('id="modules-heading"') :]
        positions = [module_list.index(title) for title in titles]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("taken in order", html)
        self.assertEqual(len(response.context["modules"]), len(titles))
        for skill in course.skills.all():
            self.assertIn(f'href="/skills/{skill.slug}/"', html)

    def test_module_renders_its_body_blocks(self):
        module = next(m for m in ModulePage.objects.live() if m.self_checks)
        self.assertPageIsRenderable(module)
        html = self.client.get(module.url).content.decode()
        question = module.self_checks[0].value["question"]
        self.assertIn(question.replace("'", "&#x27;"), html)
        self.assertIn('class="breadcrumbs"', html)
        self.assertIn(module.get_parent().title, html)

    def test_module_links_the_materials_it_references(self):
        module = next(
            m for m in ModulePage.objects.live() if any(b.block_type == "material" for b in m.body)
        )
        material = next(b.value["material"] for b in module.body if b.block_type == "material")
        html = self.client.get(module.url).content.decode()
        self.assertIn(f'href="/materials/{material.slug}/"', html)

    def test_library_lists_published_materials(self):
        library = MaterialLibraryPage.objects.get()
        self.assertPageIsRenderable(library)
        html = self.client.get(library.url).content.decode()
        for material in Material.objects.published()[:5]:
            self.assertIn(material.title.replace("'", "&#x27;").replace("&", "&amp;"), html)
