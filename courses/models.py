"""The academy's page tree: Home > Edition > Course > Module, and the skills and tags of its
courses and modules."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TaggedItemBase

from courses.blocks import ModuleBodyBlock
from skills.models import Skill, SkillsManager

SKILL_NEEDED = (
    "Add at least one skill before publishing or submitting. Drafts may be saved without."
)
ANCESTOR_NOT_LIVE = "“{title}” is not published: publish it before the pages below it."


def unpublished_ancestor(page, inclusive=False):
    """The highest page above `page` (and `page` itself if `inclusive`) that is not live, or None.

    A live page must have only live ancestors: Wagtail serves, searches and lists a page by its
    own `live` flag, never its ancestors', so a live module of a draft course would be public.
    The tree's root is no page anyone publishes.
    """
    ancestors = Page.objects.ancestor_of(page, inclusive=inclusive)
    return ancestors.filter(depth__gt=1, live=False).order_by("depth").first()


def viewable_by(page, request):
    """Whether Wagtail's serve view would show `page` to the request: live with no ancestor
    offline, and every view restriction on it or above it (login, password, groups) accepting the
    request. For what has no page of its own but follows one: a library's materials, a page's
    files."""
    if not page.live or unpublished_ancestor(page) is not None:
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def check_ancestors_live(parent, go_live_at=None):
    """Refuse to make a page live now below `parent` while `parent` or a page above it is not.

    A page scheduled for later is checked when it goes live (courses/publishing.py), since its
    course may be scheduled to go live before it.
    """
    if go_live_at and go_live_at > timezone.now():
        return
    ancestor = unpublished_ancestor(parent, inclusive=True)
    if ancestor is not None:
        raise ValidationError(
            ANCESTOR_NOT_LIVE.format(title=ancestor.title), code="ancestor_not_live"
        )


class PublishingRulesForm(WagtailAdminPageForm):
    """Drafts may be saved without skills; publishing needs at least one, so learners can find it,
    and a published course and edition above, so no page is live below a draft.

    Wagtail defers required fields only for drafts, in the editor and in the v3 API alike, so a
    full validation means the page is being published, submitted or moved on in its workflow.
    Only the editor's "Publish" button (Wagtail's `action-publish`) makes it live at once; the v3
    API's publishing is checked by its actions (courses/moderation.py).
    """

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation and not cleaned_data.get("skills"):
            self.add_error("skills", SKILL_NEEDED)
        if not self.is_deferred_validation and self.data.get("action-publish"):
            try:
                check_ancestors_live(self.parent_page, cleaned_data.get("go_live_at"))
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned_data


class ModulePageQuerySet(PageQuerySet):
    def in_courses(self, courses):
        """Modules directly below any of `courses` (pages already loaded), in one query."""
        if not courses:
            return self.none()
        children = Q()
        for course in courses:
            children |= Q(path__startswith=course.path, depth=course.depth + 1)
        return self.filter(children)


class CourseSkill(ItemBase):
    tag = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="course_items")
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="skill_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_course_skill")
        ]


class ModuleSkill(ItemBase):
    tag = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="module_items")
    content_object = ParentalKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="skill_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_module_skill")
        ]


class CourseTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ModuleTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EditionPage(Page):
    """One edition of the Cluster Booster Academy, e.g. the 3rd edition in Sofia."""

    number = models.PositiveSmallIntegerField(help_text="1 for the 1st edition, 2 for the 2nd…")
    host_city = models.CharField(max_length=100)
    host_organisation = models.CharField(max_length=200, blank=True)
    online_start = models.DateField("online part starts")
    online_end = models.DateField("online part ends")
    onsite_start = models.DateField("on-site part starts")
    onsite_end = models.DateField("on-site part ends")
    format = models.CharField(
        max_length=255,
        blank=True,
        help_text="One sentence, e.g. online sessions then two days on site.",
    )
    participants = models.PositiveIntegerField(null=True, blank=True)
    countries = models.PositiveIntegerField(null=True, blank=True)
    participants_note = models.CharField(
        max_length=255, blank=True, help_text="How the edition describes its participants."
    )
    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(
            [
                FieldPanel("number"),
                FieldPanel("host_city", help_text="Where the on-site part takes place."),
                FieldPanel("host_organisation", help_text="The partner hosting the on-site days."),
            ]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("online_start"), FieldPanel("online_end")]),
                FieldRowPanel([FieldPanel("onsite_start"), FieldPanel("onsite_end")]),
                FieldPanel("format"),
            ],
            heading="Dates and format",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("participants"), FieldPanel("countries")]),
                FieldPanel("participants_note"),
            ],
            heading="Participants",
        ),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("host_city", boost=2),
        index.SearchField("intro"),
        index.SearchField("format"),
        index.FilterField("number"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]

    api_fields = [
        APIField("number", writable=True),
        APIField("host_city", writable=True),
        APIField("host_organisation", writable=True),
        APIField("online_start", writable=True),
        APIField("online_end", writable=True),
        APIField("onsite_start", writable=True),
        APIField("onsite_end", writable=True),
        APIField("format", writable=True),
        APIField("participants", writable=True),
        APIField("countries", writable=True),
        APIField("intro", writable=True),
    ]

    class Meta:
        verbose_name = "edition"

    def clean(self):
        super().clean()
        errors = {}
        if self.online_start and self.online_end and self.online_end < self.online_start:
            errors["online_end"] = "The online part cannot end before it starts."
        if self.onsite_start and self.onsite_end and self.onsite_end < self.onsite_start:
            errors["onsite_end"] = "The on-site part cannot end before it starts."
        if errors:
            raise ValidationError(errors)

    @property
    def ordinal(self):
        """ "1st", "2nd", "3rd", "4th" … "11th", "21st"."""
        if self.number % 100 in (11, 12, 13):
            return f"{self.number}th"
        return f"{self.number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(self.number % 10, 'th') }"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = CoursePage.objects.child_of(self).live().public().only(*CoursePage.CARD_FIELDS)
        context["courses"] = CoursePage.for_cards(courses)
        return context


class CoursePage(Page):
    """A course within an edition, made of modules in the order editors arrange them."""

    class Level(models.TextChoices):
        FOUNDATION = "foundation", "Foundation"
        INTERMEDIATE = "intermediate", "Intermediate"
        ADVANCED = "advanced", "Advanced"

    class Delivery(models.TextChoices):
        ONLINE = "online", "Online"
        ON_SITE = "on_site", "On site"

    summary = models.TextField(max_length=500, help_text="Two sentences shown on course cards.")
    learning_outcomes = StreamField(
        [("outcome", blocks.CharBlock(label="Learning outcome", icon="tick"))],
        blank=True,
        help_text="What a learner can do after the course.",
    )
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.FOUNDATION)
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.ONLINE)
    estimated_hours = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Total learning time including sessions and homework.",
    )
    modules_in_order = models.BooleanField(
        "modules must be taken in order",
        default=False,
        help_text="When on, a module unlocks only once the previous one is complete.",
    )
    skills = SkillsManager(
        verbose_name="skills",
        through=CourseSkill,
        blank=True,
        related_name="courses",
        help_text="Pick from the skills taxonomy.",
    )
    tags = ClusterTaggableManager(through=CourseTag, blank=True, related_name="tagged_courses")

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("delivery"), FieldPanel("estimated_hours")]),
        FieldPanel("modules_in_order"),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("tags")], heading="Skills and tags"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("learning_outcomes"),
        index.FilterField("level"),
        index.FilterField("delivery"),
        index.RelatedFields("skills", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["courses.EditionPage"]
    subpage_types = ["courses.ModulePage"]
    base_form_class = PublishingRulesForm
    skills_required_to_publish = True

    api_fields = [
        APIField("summary", writable=True),
        APIField("learning_outcomes", writable=True),
        APIField("level", writable=True),
        APIField("delivery", writable=True),
        APIField("estimated_hours", writable=True),
        APIField("modules_in_order", writable=True),
        APIField("skills", writable=True),
        APIField("tags", writable=True),
    ]

    class Meta:
        verbose_name = "course"

    @cached_property
    def edition(self):
        parent = self.get_parent()
        return parent.specific if parent else None

    # What a course card shows (components/course_card.html) and for_cards() reads.
    CARD_FIELDS = ("title", "url_path", "path", "depth", "summary", "level", "delivery")

    @staticmethod
    def for_cards(courses):
        """The courses as a list, each with what its card shows: module_count, total_minutes and
        skill_list, in two queries whatever the number of courses."""
        courses = list(courses)
        if not courses:
            return courses
        stats = {}
        modules = ModulePage.objects.live().public().in_courses(courses)
        for module_path, minutes in modules.values_list("path", "estimated_minutes"):
            course_path = module_path[: -Page.steplen]
            count, total = stats.get(course_path, (0, 0))
            stats[course_path] = (count + 1, total + minutes)
        # Plain rows, in the order editors tagged them: taggit's prefetching costs more than this.
        skills = {}
        tagged = CourseSkill.objects.filter(content_object__in=courses).select_related("tag")
        for item in tagged.order_by("pk"):
            skills.setdefault(item.content_object_id, []).append(item.tag)
        for course in courses:
            course.module_count, course.total_minutes = stats.get(course.path, (0, 0))
            course.skill_list = skills.get(course.pk, [])
        return courses

    def get_modules(self):
        """Published, visible modules in the order editors arranged them."""
        return ModulePage.objects.child_of(self).live().public().order_by("path")

    def get_module_list(self):
        """The modules as their lists show them: a fraction of a module's columns, where reading
        whole pages (with their bodies) took a third longer."""
        return list(self.get_modules().only(*ModulePage.LIST_FIELDS))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = self.get_module_list()
        context["modules"] = modules
        context["total_minutes"] = sum(module.estimated_minutes for module in modules)
        context["edition"] = self.edition
        return context


class ModulePage(Page):
    """One learning unit: reading, media, materials and self-check questions."""

    objects = PageManager.from_queryset(ModulePageQuerySet)()

    estimated_minutes = models.PositiveIntegerField(default=20)
    introduction = models.TextField(blank=True, max_length=500)
    body = StreamField(ModuleBodyBlock(), blank=True)
    skills = SkillsManager(
        verbose_name="skills",
        through=ModuleSkill,
        blank=True,
        related_name="modules",
        help_text="Pick from the skills taxonomy.",
    )
    tags = ClusterTaggableManager(through=ModuleTag, blank=True, related_name="tagged_modules")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction", help_text="One short paragraph: what it covers and why."),
        FieldPanel("estimated_minutes", help_text="Time a learner needs, including the exercise."),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("tags")], heading="Skills and tags"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
        index.RelatedFields("skills", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    base_form_class = PublishingRulesForm
    skills_required_to_publish = True

    api_fields = [
        APIField("introduction", writable=True),
        APIField("estimated_minutes", writable=True),
        APIField("body", writable=True),
        APIField("skills", writable=True),
        APIField("tags", writable=True),
    ]

    # What module lists (a course's, a module's neighbours) and learners' progress read.
    LIST_FIELDS = ("title", "url_path", "path", "depth", "estimated_minutes")

    class Meta:
        verbose_name = "module"

    @property
    def self_checks(self):
        return [block for block in self.body if block.block_type == "self_check"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent()
        course = parent.specific if parent else None
        siblings = course.get_module_list() if course else []
        position = next((i for i, m in enumerate(siblings) if m.pk == self.pk), None)
        context.update(
            course=course,
            siblings=siblings,
            position=None if position is None else position + 1,
            previous_module=siblings[position - 1] if position else None,
            next_module=siblings[position + 1]
            if position is not None and position + 1 < len(siblings)
            else None,
        )
        return context
