"""Every page type of the academy, with Wagtail's own page assertions: where it may be created,
what it may hold, and that a page of it built with the factories is routed to and rendered."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CoursePage, EditionPage, ModulePage
from home.models import HomePage
from learning.services import enrol
from materials.models import Material, MaterialLibraryPage
from tests.factories import (
    CoursePageFactory,
    EditionPageFactory,
    MaterialFactory,
    MaterialLibraryPageFactory,
    ModulePageFactory,
    SkillFactory,
    UserFactory,
    academy_home,
    self_check,
)

# Home > Edition > Course > Module, and the materials library under home.
PARENTS = {
    HomePage: {Page},
    EditionPage: {HomePage},
    CoursePage: {EditionPage},
    ModulePage: {CoursePage},
    MaterialLibraryPage: {HomePage},
}
SUBPAGES = {
    HomePage: {EditionPage, MaterialLibraryPage},
    EditionPage: {CoursePage},
    CoursePage: {ModulePage},
    ModulePage: set(),
    MaterialLibraryPage: set(),
}
PAGE_TYPES = [Page, *PARENTS]


class PageTypesTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.skill = SkillFactory(name="Action planning", slug="action-planning")
        cls.home = academy_home()
        cls.library = MaterialLibraryPageFactory(parent=cls.home)
        cls.edition = EditionPageFactory(parent=cls.home, title="Sofia 2024", slug="sofia-2024")
        cls.course = CoursePageFactory(parent=cls.edition, title="Strategy foundations")
        cls.material = MaterialFactory(
            title="Action plan template",
            kind=Material.Kind.TEMPLATE,
            edition=cls.edition,
            skills=[cls.skill],
        )
        body = [
            {"type": "paragraph", "value": "<p>Who does what, by when.</p>"},
            {"type": "material", "value": {"material": cls.material.pk, "note": ""}},
            self_check("What does an action plan list?"),
        ]
        cls.module = ModulePageFactory(
            parent=cls.course, title="Writing your action plan", body=body
        )
        for page in (cls.course, cls.module):
            page.skills.add(cls.skill)
            page.save_revision().publish()
        cls.learner = UserFactory()
        enrol(cls.learner, cls.course)

    def assertTreeRules(self, page_type):
        """Created only under its parents (and no other page type), holding only its subpages."""
        parents = PARENTS[page_type]
        self.assertAllowedParentPageTypes(page_type, parents)
        self.assertAllowedSubpageTypes(page_type, SUBPAGES[page_type])
        for parent in PAGE_TYPES:
            if parent in parents:
                self.assertCanCreateAt(parent, page_type)
            else:
                self.assertCanNotCreateAt(parent, page_type)

    def assertRenderableToTheLearner(self, page):
        """As assertPageIsRenderable(page, user=...) would, which signs in with the first
        authentication backend: django-axes's, which cannot."""
        self.client.force_login(self.learner)
        try:
            self.assertPageIsRenderable(page)
        finally:
            self.client.logout()

    def test_home_page(self):
        self.assertTreeRules(HomePage)
        # One home page: the site's root.
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRenderable(self.home)

    def test_edition_page(self):
        self.assertTreeRules(EditionPage)
        self.assertTrue(EditionPage.can_create_at(self.home))
        self.assertPageIsRoutable(self.edition)
        self.assertPageIsRenderable(self.edition)

    def test_course_page(self):
        self.assertTreeRules(CoursePage)
        self.assertPageIsRoutable(self.course)
        self.assertPageIsRenderable(self.course)
        self.assertRenderableToTheLearner(self.course)

    def test_module_page(self):
        self.assertTreeRules(ModulePage)
        self.assertPageIsRoutable(self.module)
        self.assertPageIsRenderable(self.module)
        self.assertRenderableToTheLearner(self.module)

    def test_a_draft_module_is_not_routed_to(self):
        draft = ModulePageFactory(parent=self.course, title="Not yet", live=False)
        with self.assertRaises(AssertionError):
            self.assertPageIsRoutable(draft)

    def test_material_library_page(self):
        self.assertTreeRules(MaterialLibraryPage)
        # One library: no second one beside it.
        self.assertFalse(MaterialLibraryPage.can_create_at(self.home))
        self.assertPageIsRoutable(self.library)
        self.assertPageIsRenderable(self.library)
        self.assertPageIsRenderable(self.library, query_data={"skill": self.skill.slug})
        # Each material's own page is a route of the library.
        material_route = f"/{self.material.slug}/"
        self.assertPageIsRoutable(self.library, route_path=material_route)
        self.assertPageIsRenderable(self.library, route_path=material_route)
        self.assertPageIsRenderable(self.library, route_path="/no-such-material/", accept_404=True)

    def test_a_library_can_be_created_where_there_is_none(self):
        self.library.delete()
        self.assertTrue(MaterialLibraryPage.can_create_at(self.home))
