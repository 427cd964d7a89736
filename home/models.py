from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from modelcluster.fields import ParentalKey

from courses.models import CoursePage, EditionPage
from skills.models import SkillArea

# What the home page shows of each edition: a page's many other columns cost more to read and
# load than the rest of its query.
EDITION_LIST_FIELDS = (
    "title",
    "url_path",
    "path",
    "depth",
    "host_city",
    "participants_note",
    "online_start",
    "online_end",
    "onsite_start",
    "onsite_end",
)


class HomePage(Page):
    """The academy's front door: what it is, the current edition, featured courses and skills."""

    tagline = models.CharField(max_length=255, blank=True)
    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        FieldPanel("intro"),
        InlinePanel("featured_courses", label="Featured courses", max_num=6),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.EditionPage", "materials.MaterialLibraryPage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = list(
            EditionPage.objects.child_of(self)
            .live()
            .public()
            .only(*EDITION_LIST_FIELDS)
            .order_by("-onsite_start")
        )
        today = timezone.localdate()
        upcoming = [edition for edition in editions if edition.onsite_end >= today]
        context["editions"] = editions
        context["current_edition"] = (
            upcoming[-1] if upcoming else (editions[0] if editions else None)
        )
        featured_ids = [item.course_id for item in self.featured_courses.all()]
        courses = CoursePage.objects.live().public().filter(pk__in=featured_ids)
        courses = courses.only(*CoursePage.CARD_FIELDS)
        courses = CoursePage.for_cards(courses)
        context["featured_courses"] = sorted(courses, key=lambda c: featured_ids.index(c.pk))
        context["skill_areas"] = SkillArea.taxonomy()
        return context


class HomeFeaturedCourse(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_courses")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("course")]
