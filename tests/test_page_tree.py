"""Editors can only build the academy in its intended shape: Home > Edition > Course > Module."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CoursePage, EditionPage, ModulePage
from home.models import HomePage
from lms.accounts.models import User
from materials.models import MaterialLibraryPage
from skills.models import Skill


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_holds_editions_and_the_library(self):
        self.assertAllowedSubpageTypes(HomePage, {EditionPage, MaterialLibraryPage})
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_edition_holds_courses_only(self):
        self.assertAllowedParentPageTypes(EditionPage, {HomePage})
        self.assertAllowedSubpageTypes(EditionPage, {CoursePage})

    def test_course_holds_modules_only(self):
        self.assertAllowedParentPageTypes(CoursePage, {EditionPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})

    def test_module_is_a_leaf(self):
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, set())

    def test_library_sits_under_home(self):
        self.assertAllowedParentPageTypes(MaterialLibraryPage, {HomePage})
        self.assertCanNotCreateAt(EditionPage, MaterialLibraryPage)
        self.assertCanNotCreateAt(HomePage, ModulePage)
        self.assertCanNotCreateAt(EditionPage, ModulePage)


class EditorCreatesPagesTest(WagtailPageTestCase):
    """Creating pages through the real admin forms, as an editor would."""

    def setUp(self):
        # Signing in with a password goes through django-axes, which needs the request that
        # Wagtail's self.login() does not pass; the sign-in itself is tested in tests/security/.
        self.client.force_login(User.objects.create_superuser("admin@example.org"))

    def test_editor_creates_a_module_with_a_self_check(self):
        course = CoursePage.objects.live().first()
        skill = Skill.objects.get(slug="action-planning")
        self.assertCanCreate(
            course,
            ModulePage,
            nested_form_data(
                {
                    "title": "Writing your action plan",
                    "slug": "writing-your-action-plan",
                    "introduction": "Turn your strategy into a plan.",
                    "estimated_minutes": 30,
                    "body": streamfield(
                        [
                            ("heading", "What"),
                            ("paragraph", rich_text("<p>An action plan lists who does what.</p>")),
                            (
                                "self_check",
                                {
                                    "question": "What does an action plan list?",
                                    "options": streamfield(
                                        [
                                            (
                                                "item",
                                                {"text": "Who does what, by when", "correct": True},
                                            ),
                                            ("item", {"text": "Only the budget", "correct": False}),
                                        ]
                                    ),
                                    "explanation": "",
                                    "required": True,
                                },
                            ),
                        ]
                    ),
                    "skills": f'"{skill.name}"',
                    "tags": "planning",
                }
            ),
        )
        module = ModulePage.objects.get(slug="writing-your-action-plan")
        self.assertEqual([s.slug for s in module.skills.all()], ["action-planning"])
        self.assertEqual(module.self_checks[0].value["question"], "What does an action plan list?")
