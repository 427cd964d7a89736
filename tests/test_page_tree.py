"""Editors can only build the academy in its intended shape: Home > Edition > Course > Module."""

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import ModulePage
from lms.accounts.models import User
from tests.factories import CoursePageFactory, EditionPageFactory, SkillFactory, academy_home


class EditorCreatesPagesTest(WagtailPageTestCase):
    """Creating pages through the real admin forms, as an editor would."""

    def setUp(self):
        # Signing in with a password goes through django-axes, which needs the request that
        # Wagtail's self.login() does not pass; the sign-in itself is tested in tests/security/.
        self.client.force_login(User.objects.create_superuser("admin@example.org"))
        self.course = CoursePageFactory(parent=EditionPageFactory(parent=academy_home()))
        self.skill = SkillFactory(name="Action planning", slug="action-planning")

    def test_editor_creates_a_module_with_a_self_check(self):
        course, skill = self.course, self.skill
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

    def test_editor_publishes_a_module_only_once_its_course_is_published(self):
        """Wagtail serves a live page whatever its ancestors, so none goes live below a draft."""
        data = nested_form_data(
            {
                "title": "Reading the room",
                "slug": "reading-the-room",
                "introduction": "Listen first.",
                "estimated_minutes": 20,
                "body": streamfield([]),
                "skills": f'"{self.skill.name}"',
                "tags": "",
                "comments": inline_formset([]),
            }
        )
        self.course.unpublish()

        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("courses", "modulepage", self.course.pk)),
            {**data, "action-publish": "action-publish"},
        )

        self.assertContains(response, f"{self.course.title}” is not published: publish it before")
        self.assertFalse(ModulePage.objects.filter(slug="reading-the-room").exists())
        self.course.save_revision().publish()
        self.assertCanCreate(self.course, ModulePage, data)
        self.assertTrue(ModulePage.objects.get(slug="reading-the-room").live)
