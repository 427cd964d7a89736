"""The academy's page tree: Home > Edition > Course > Module."""

import functools
import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Expression, F, Q
from django.http import Http404
from django.utils.functional import cached_property

from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager

from courses.blocks import ModuleBodyBlock
from lms.core.cache import ROUTE_KEY_PREFIX, shared_for_content

from .skills import CourseSkill, CourseTag, ModuleSkill, ModuleTag, SkillsManager

SKILL_NEEDED = (
    "Add at least one skill before publishing or submitting. Drafts may be saved without."
)


class SkillsRequiredToPublishForm(WagtailAdminPageForm):
    """Drafts may be saved without skills; publishing needs at least one, so learners can find it.

    Wagtail defers required fields only for drafts, in the editor and in the v3 API alike, so a
    full validation means the page is being published, submitted or moved on in its workflow.
    """

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation and not cleaned_data.get("skills"):
            self.add_error("skills", SKILL_NEEDED)
        return cleaned_data


class ViewRestricted(Expression):
    """Whether a page has a view restriction, or with `ancestors` whether it or any ancestor has:
    the EXISTS subquery Django would build from PageViewRestriction, written out once. Django
    builds and compiles that subquery anew for every listing, about 0.5 ms each, a tenth of a
    page's time, for SQL that never changes."""

    conditional = True
    output_field = models.BooleanField()
    SELF = (
        "EXISTS (SELECT 1 FROM {restriction_table} restriction "
        "WHERE restriction.page_id = {column})"
    )
    # A restricted page's path is a prefix of the paths of the page and all below it.
    ANCESTOR_OR_SELF = (
        "EXISTS (SELECT 1 FROM {restriction_table} restriction "
        "INNER JOIN {page_table} restricted ON restricted.id = restriction.page_id "
        "WHERE restricted.path = SUBSTR({column}, 1, LENGTH(restricted.path)))"
    )

    def __init__(self, ancestors=True):
        super().__init__()
        self.ancestors = ancestors
        self.page_column = F("path") if ancestors else F("pk")

    def get_source_expressions(self):
        return [self.page_column]

    def set_source_expressions(self, expressions):
        (self.page_column,) = expressions

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.page_column)
        template = self.ANCESTOR_OR_SELF if self.ancestors else self.SELF
        tables = {
            "restriction_table": connection.ops.quote_name(PageViewRestriction._meta.db_table),
            "page_table": connection.ops.quote_name(Page._meta.db_table),
        }
        return template.format(column=column, **tables), params


class AcademyPageQuerySet(PageQuerySet):
    def private_q(self):
        """Pages under a view restriction, as one subquery: Wagtail's own reads every restriction
        first, a query of its own in each `.public()` listing."""
        return Q(ViewRestricted())


AcademyPageManager = PageManager.from_queryset(AcademyPageQuerySet)


def ancestor_or_self_paths(page):
    return [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]


class AcademyPageMixin:
    """What every page of the academy does in fewer queries than Wagtail's defaults.

    Serving a page reads the URL's child page at each level and checks the view restrictions of
    the page and its ancestors. Wagtail reads each child as a plain page, then again as its
    specific type, and reads the ancestors before their restrictions: two queries for each.
    Here one query finds the whole URL and tells which of its pages have restrictions.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        open_to_all, _, found = self._pages_along(self, path_components, include_top=False)
        return self._route_through(request, path_components, open_to_all, found)

    @classmethod
    def route_from_site_root(cls, root, request, path_components):
        """What `root.specific.route(request, path_components)` gives, for the site's root page
        read as a plain page (as `Site.find_for_request` gives it): the root itself comes in the
        same query as the URL's pages, where Wagtail reads it again as its specific type and
        then checks its view restrictions with two more queries. The pages along a URL that
        leads to a page come from the shared cache until the next content change."""
        url = "/".join(path_components)
        open_to_all, root, found = shared_for_content(
            ROUTE_KEY_PREFIX + hashlib.sha256(f"{root.pk}:{url}".encode()).hexdigest(),
            lambda: cls._pages_along(root, path_components, include_top=True),
            # A URL that leads nowhere, or to a routable page's own path, is read again.
            keep=lambda along: len(along[2]) == len(path_components),
        )
        # The root itself, or a path a routable root answers itself, as its own route() would.
        if not path_components or root.answers_subpath(path_components):
            root._open_to_all = open_to_all
            return root.route(request, path_components)
        return root._route_through(request, path_components, open_to_all, found)

    def _route_through(self, request, path_components, open_to_all, found):
        page, remaining = self, list(path_components)
        for descendant, closed in found:
            # A routable page keeps the paths its own routes answer, as in Wagtail's routing.
            if page is not self and page.answers_subpath(remaining):
                break
            open_to_all = open_to_all and not closed
            descendant._cached_parent_obj = page
            descendant._open_to_all = open_to_all
            page, remaining = descendant, remaining[1:]
        if page is self:
            raise Http404
        return page.route(request, remaining)

    def answers_subpath(self, path_components):
        if not isinstance(self, RoutablePageMixin) or not self.live:
            return False
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True

    @classmethod
    def _pages_along(cls, top, path_components, include_top):
        """The pages below `top` (a page of this type) along the URL, top first, as far as they
        exist, each as its specific type and whether it may be closed to some visitors (a view
        restriction, or an alias, which follows another page's); whether `top` and its ancestors
        are all open; and, with `include_top`, `top` itself read as its specific type. One query
        for the whole URL, where Wagtail reads each level twice."""
        levels = cls.page_models_by_level()[: len(path_components)]
        models = list(dict.fromkeys(model for level in levels for model in level))
        if include_top:
            models.insert(0, cls)
        accessors = {model: model._meta.model_name for model in models}
        if not accessors:
            return False, None, []
        url_paths, url_path = [], top.url_path
        for slug in path_components:
            url_path += slug + "/"
            url_paths.append(url_path)
        # Each page type's own table joined in, and what the page served at the end of the URL
        # shows from related rows.
        if not path_components:
            served = (cls,)
        else:
            served = levels[-1] if len(levels) == len(path_components) else ()
        related = [
            f"{accessors[model]}__{field}"
            for model in served
            for field in getattr(model, "serve_select_related", ())
        ]
        pages = (
            Page.objects.filter(
                Q(slug__in=path_components, url_path__in=url_paths)
                | Q(path__in=ancestor_or_self_paths(top))
            )
            .annotate(restricted=ViewRestricted(ancestors=False))
            .select_related(*accessors.values(), *related)
            .order_by("depth")
        )
        above, specific_top, found = [], None, []
        for page in pages:
            closed = page.restricted or page.alias_of_id is not None
            if page.depth <= top.depth:
                above.append(closed)
                if page.depth == top.depth and include_top:
                    specific_top = getattr(page, accessors[cls])
                continue
            if page.depth != top.depth + len(found) + 1:
                break
            model = page.specific_class
            specific = getattr(page, accessors[model]) if model in accessors else page.specific
            found.append((specific, closed))
        return len(above) == top.depth and not any(above), specific_top, found

    @classmethod
    @functools.cache
    def page_models_by_level(cls):
        """The page types that may appear at each level below this one, as deep as the tree
        allows (fixed by the code, so worked out once per page type rather than on every
        request). Only the types routing can join in: those that extend Page directly. Routing
        joins in only the levels a URL reaches: a course's leaves out the modules' table, which
        cost a fifth of the query."""
        found, level = [], [cls]
        deepest = Page._meta.get_field("path").max_length // Page.steplen
        while len(found) < deepest:
            level = list(
                dict.fromkeys(
                    child
                    for model in level
                    for child in model.clean_subpage_models()
                    if child._meta.get_parent_list() == [Page]
                )
            )
            if not level:
                break
            found.append(tuple(level))
        return tuple(found)

    def get_view_restrictions(self):
        if getattr(self, "_open_to_all", False):
            # Routing read this page and every ancestor, none of them restricted.
            return PageViewRestriction.objects.none()
        ancestor_or_self = Page.objects.filter(path__in=ancestor_or_self_paths(self))
        # An alias follows the restrictions of the page it is an alias of, never its own.
        return PageViewRestriction.objects.filter(
            Q(page__in=ancestor_or_self.filter(alias_of__isnull=True))
            | Q(page__in=ancestor_or_self.values("alias_of"))
        )


class EditionPage(AcademyPageMixin, Page):
    """One edition of the Cluster Booster Academy, e.g. the 3rd edition in Sofia."""

    objects = AcademyPageManager()

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
    serve_select_related = ["hero_image"]

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


class CoursePage(RoutablePageMixin, AcademyPageMixin, Page):
    """A course within an edition, made of modules in the order editors arrange them."""

    objects = AcademyPageManager()

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
    base_form_class = SkillsRequiredToPublishForm
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
        # Routing leaves the edition it came through on the course.
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
        prefixes = Q()
        for course in courses:
            prefixes |= Q(path__startswith=course.path, depth=course.depth + 1)
        stats = {}
        modules = ModulePage.objects.live().public().filter(prefixes)
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
        context["progress"] = self._learner_progress(request, modules)
        return context

    def _learner_progress(self, request, modules):
        # The learning service imports these models, so it is imported when first needed.
        from courses.learning import course_progress

        progress = course_progress(request.user, self, modules)
        for module in modules:
            module.is_completed = bool(progress) and module.pk in progress.completed_ids
            module.is_locked = bool(progress) and progress.is_locked(self, module)
        return progress

    @path("enrol/", name="enrol")
    def enrol_route(self, request):
        from courses.views.learning import enrol

        return enrol(request, self)

    @path("leave/", name="leave")
    def leave_route(self, request):
        from courses.views.learning import leave

        return leave(request, self)


class ModulePage(RoutablePageMixin, AcademyPageMixin, Page):
    """One learning unit: reading, media, materials and self-check questions."""

    objects = AcademyPageManager()

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
    base_form_class = SkillsRequiredToPublishForm
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
        # Routing leaves the course it came through on the module; a preview reads it.
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
        if course:
            context["progress"] = progress = course._learner_progress(request, siblings)
            context["is_completed"] = bool(progress) and self.pk in progress.completed_ids
            context["is_locked"] = bool(progress) and progress.is_locked(course, self)
        return context

    @path("complete/", name="complete")
    def complete_route(self, request):
        from courses.views.learning import complete

        return complete(request, self)
