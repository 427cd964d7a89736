"""The cohorts' admin views, grouped in the "Cohorts" menu by cohorts/wagtail_hooks.py.

Applications are made by applicants on the site and change status only through
cohorts.applications (accept, waitlist, decline, one by one or in bulk), which keeps the seats,
the waitlist and the participants group in step; staff edit nothing of them but their notes.
"""

import datetime
import zoneinfo
from functools import cache

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Q
from django.utils import dateformat, timezone
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.translation import ngettext

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from cohorts import applications
from cohorts.models import DEFAULT_TIME_ZONE, TRAINERS_GROUP, Application, Cohort, Session
from courses.models import EditionPage
from lms.accounts.models import User
from lms.core.api_guards import MAX_KEY
from lms.core.reports import FormulaSafeExportMixin

SESSION_TIME_HELP = "As read on a clock in the session's time zone, wherever you are."


@cache
def time_zone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


def in_zone(wall_clock, zone):
    """The naive `wall_clock` as a time in `zone`, or None on the night the clocks change when
    that time is skipped or shown twice."""
    first = wall_clock.replace(tzinfo=zone, fold=0)
    if first.utcoffset() != wall_clock.replace(tzinfo=zone, fold=1).utcoffset():
        return None
    return first


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time as read on a clock, in no zone yet: SessionForm places it in the
    session's zone. Django's own field would place it in the editor's."""

    def prepare_value(self, value):
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value
        value = value.strip()
        try:
            parsed = parse_datetime(value)
        except ValueError:
            parsed = None
        if parsed is not None:
            return parsed
        for input_format in self.input_formats:
            try:
                return datetime.datetime.strptime(value, input_format)
            except ValueError:
                continue
        raise ValidationError(self.error_messages["invalid"], code="invalid")


def beyond_any_key(value):
    return str(value).isdigit() and int(value) > MAX_KEY


class KnownChoiceField(forms.ModelChoiceField):
    """Answers a number beyond any database key as an unknown choice: Django would look up a
    page by it through its link to Page, where SQLite fails on it."""

    def to_python(self, value):
        if beyond_any_key(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class KnownMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Answers a number beyond any database key as an unknown choice: Django would look the
    list up as it is, where SQLite fails on it."""

    def clean(self, value):
        for key in value or ():
            if beyond_any_key(key):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": key},
                )
        return super().clean(value)


class WallClockForm(WagtailAdminModelForm):
    """A form whose `WALL_CLOCK_FIELDS` are entered and shown as a clock reads them in the zone
    its `time_zone` field names, wherever the editor is."""

    WALL_CLOCK_FIELDS = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.WALL_CLOCK_FIELDS:
            value = getattr(self.instance, name)
            if value is not None:
                zone = zoneinfo.ZoneInfo(self.instance.time_zone)
                self.initial[name] = timezone.make_naive(value, zone)

    def clean(self):
        cleaned_data = super().clean()
        zone_name = cleaned_data.get("time_zone")
        for name in self.WALL_CLOCK_FIELDS:
            value = cleaned_data.get(name)
            if value is None or timezone.is_aware(value):
                continue
            placed = in_zone(value, zoneinfo.ZoneInfo(zone_name)) if zone_name else None
            if placed is not None:
                cleaned_data[name] = placed
            elif zone_name:
                self.add_error(
                    name,
                    f"{value:%d %b %Y %H:%M} does not exist or happens twice in {zone_name}: "
                    "the clocks change that night. Choose another time.",
                )
            else:
                del cleaned_data[name]
        return cleaned_data


class SessionForm(WallClockForm):
    """Start and end are entered and shown in the session's own time zone."""

    WALL_CLOCK_FIELDS = ("starts_at", "ends_at")

    starts_at = WallClockDateTimeField(
        label="Starts", widget=AdminDateTimeInput, help_text=SESSION_TIME_HELP
    )
    ends_at = WallClockDateTimeField(
        label="Ends", widget=AdminDateTimeInput, help_text=SESSION_TIME_HELP
    )
    time_zone = forms.ChoiceField(
        choices=time_zone_choices,
        initial=DEFAULT_TIME_ZONE,
        help_text="Where the times above are read: the schedule shows them in this zone.",
    )

    class Meta:
        field_classes = {
            "edition": KnownChoiceField,
            "trainers": KnownMultipleChoiceField,
            "modules": KnownMultipleChoiceField,
            "materials": KnownMultipleChoiceField,
        }

    def clean(self):
        cleaned_data = super().clean()
        starts, ends = cleaned_data.get("starts_at"), cleaned_data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "A session must end after it starts.")
        return cleaned_data


class SessionFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        queryset=EditionPage.objects.order_by("-number"),
        # By Page's own `id`, so that a number beyond any key is simply not a choice.
        to_field_name="id",
        empty_label="All",
    )
    kind = django_filters.ChoiceFilter(
        choices=Session.Kind.choices, widget=forms.RadioSelect, empty_label="All"
    )

    class Meta:
        model = Session
        fields = ["edition", "kind", "cancelled"]


def session_time(session):
    return dateformat.format(session.starts_at.astimezone(session.zone), "D j M Y, H:i T")


class SessionViewSet(ModelViewSet):
    model = Session
    name = "sessions"
    url_prefix = "cohorts/sessions"
    icon = "date"
    menu_label = "Sessions"
    list_display = [
        "title",
        "edition",
        "kind",
        Column("starts_at", label="Starts (in its zone)", accessor=session_time),
        "cancelled",
    ]
    filterset_class = SessionFilterSet
    search_fields = ["title", "venue"]
    ordering = ["starts_at"]
    edit_handler = ObjectList(
        [
            # A list of the few editions; Wagtail's page chooser fails to show an unknown one.
            FieldPanel("edition", widget=forms.Select),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("all_day")]),
            FieldPanel("description"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldPanel("time_zone"),
                ],
                heading="When",
            ),
            MultiFieldPanel([FieldPanel("venue"), FieldPanel("join_url")], heading="Where"),
            FieldPanel("trainers"),
            FieldPanel("modules"),
            FieldPanel("materials"),
            MultiFieldPanel(
                [FieldPanel("recording_url"), FieldPanel("recording_document")],
                heading="Recording",
                help_text="Added after the session.",
            ),
            FieldPanel(
                "cancelled",
                help_text="A cancelled session stays on the schedule and in calendars, "
                "marked as cancelled, and its participants' calendars are updated.",
            ),
        ],
        base_form_class=SessionForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Session.objects.select_related("edition"), **kwargs
        )


class CohortEditView(EditView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except IntegrityError:
            # Cohort.clean refuses fewer seats than are taken; this is a seat taken since.
            form.add_error("seats", "More seats were taken meanwhile: check the seats again.")
            return self.form_invalid(form)


class CohortForm(WagtailAdminModelForm):
    """An edition's trainers are picked among the people who could be one: trainers by their
    profile or group, and staff; not among every learner."""

    class Meta:
        field_classes = {"trainers": KnownMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainers"].queryset = (
            User.objects.filter(
                Q(role=User.Role.TRAINER) | Q(groups__name=TRAINERS_GROUP) | Q(is_staff=True),
                is_active=True,
            )
            .distinct()
            .order_by("display_name", "email")
        )


class CohortViewSet(ModelViewSet):
    """How each edition takes applications: editors with the cohort permissions set it up."""

    model = Cohort
    name = "cohort_seats"
    url_prefix = "cohorts/seats"
    icon = "group"
    menu_label = "Seats and dates"
    list_display = [
        "edition",
        "applications_open_at",
        "applications_close_at",
        "seats",
        Column("seats_taken", label="Seats taken"),
        "open_to",
    ]
    ordering = ["-applications_open_at"]
    copy_view_enabled = False
    edit_view_class = CohortEditView
    edit_handler = ObjectList(
        [
            # A list of the few editions; Wagtail's page chooser fails to show an unknown one.
            FieldPanel("edition", widget=forms.Select),
            FieldRowPanel(
                [FieldPanel("applications_open_at"), FieldPanel("applications_close_at")],
                heading="Applications",
            ),
            FieldRowPanel([FieldPanel("seats"), FieldPanel("offer_days")]),
            FieldPanel("open_to"),
            FieldPanel("min_attendance"),
            FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=CohortForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Cohort.objects.select_related("edition"),
            add_item_label="Open an edition to applications",
            **kwargs,
        )


class ApplicationPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds an application in the admin:
    applicants apply on the site, once each, through the rules of cohorts.applications."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


class ApplicationFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        field_name="cohort__edition",
        queryset=EditionPage.objects.filter(cohort__isnull=False).order_by("-number"),
        # Found by Page's own `id`, so that a number beyond any key is simply not a choice (by
        # `page_ptr`, SQLite would fail on it).
        to_field_name="id",
        empty_label="All",
    )
    status = django_filters.ChoiceFilter(
        choices=Application.Status.choices, widget=forms.RadioSelect, empty_label="All"
    )

    class Meta:
        model = Application
        fields = []


class ApplicationIndexView(FormulaSafeExportMixin, IndexView):
    """The applications with checkboxes for the bulk decisions, and formula-safe exports."""

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="application"),
            TitleColumn(
                "applicant",
                label="Applicant",
                get_url=self.get_edit_url,
                get_title_id=lambda application: f"application_{application.pk}_title",
            ),
            Column("email", label="Email", accessor="applicant.email"),
            Column("edition", label="Edition", accessor="cohort.edition"),
            Column("organisation", label="Organisation", sort_key="organisation"),
            Column("country", label="Country", sort_key="country"),
            Column("status", label="Status", accessor="get_status_display", sort_key="status"),
            Column("waitlist_position", label="Waitlist position"),
            DateColumn("submitted_at", label="Submitted", sort_key="submitted_at"),
        ]


class ApplicationViewSet(ModelViewSet):
    model = Application
    name = "applications"
    url_prefix = "cohorts/applications"
    icon = "form"
    menu_label = "Applications"
    index_view_class = ApplicationIndexView
    index_template_name = "cohorts/admin/application_index.html"
    filterset_class = ApplicationFilterSet
    search_fields = [
        "applicant__email",
        "applicant__display_name",
        "applicant__first_name",
        "applicant__last_name",
        "organisation",
    ]
    ordering = ["submitted_at"]
    list_per_page = 50
    copy_view_enabled = False
    list_export = [
        "applicant",
        "applicant.email",
        "cohort.edition.title",
        "organisation",
        "role",
        "country",
        "get_status_display",
        "waitlist_position",
        "offer_expires_at",
        "submitted_at",
        "motivation",
        "learning_goals",
        "notes",
    ]
    export_headings = {
        "applicant": "Applicant",
        "applicant.email": "Email",
        "cohort.edition.title": "Edition",
        "get_status_display": "Status",
        "waitlist_position": "Waitlist position",
        "offer_expires_at": "Offer expires",
        "submitted_at": "Submitted",
    }
    export_filename = "applications"
    edit_handler = ObjectList(
        [
            FieldPanel("applicant", read_only=True),
            FieldPanel("cohort", read_only=True, heading="Edition"),
            FieldRowPanel(
                [
                    FieldPanel("organisation", read_only=True),
                    FieldPanel("role", read_only=True),
                    FieldPanel("country", read_only=True),
                ]
            ),
            FieldPanel("motivation", read_only=True),
            FieldPanel("learning_goals", read_only=True),
            FieldPanel(
                "status",
                read_only=True,
                help_text="Changed from the list of applications: accept, waitlist or decline.",
            ),
            FieldPanel("notes"),
        ]
    )

    def get_index_view_kwargs(self, **kwargs):
        queryset = applications.with_waitlist_position(
            Application.objects.select_related("applicant", "cohort__edition")
        )
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class ApplicationDecision(PermissionCheckedMixin, BulkAction):
    """A staff decision on the applications ticked in the listing, each through
    cohorts.applications; those it refuses (no seat left, say) are listed with the reason.

    Only the ticked applications: "select all in listing" is not offered (see the listing's
    template), since its query here would not follow the listing's filters."""

    models = [Application]
    permission_required = "change"
    template_name = "cohorts/admin/bulk_decision.html"
    status = None
    done = None

    @classmethod
    def get_queryset(cls, model, object_ids):
        # Ids from the query string: anything but a database key finds nothing.
        keys = [key for key in object_ids if str(key).isdigit() and len(str(key)) < 19]
        found = model.objects.select_related("applicant", "cohort__edition").filter(pk__in=keys)
        return list(found)

    def get_all_objects_in_listing_query(self, parent_id):
        return Application.objects.none()

    def get_execution_context(self):
        return {"request": self.request}

    @classmethod
    def execute_action(cls, objects, request=None):
        changed, refused = applications.decide_many(objects, cls.status, request.user)
        for application, reason in refused:
            messages.error(request, f"{application.applicant}: {reason}")
        return len(changed), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return None
        message = ngettext(
            "%(done)s %(count)d application.",
            "%(done)s %(count)d applications.",
            num_parent_objects,
        )
        return message % {"done": self.done, "count": num_parent_objects}


class AcceptApplications(ApplicationDecision):
    display_name = "Accept"
    action_type = "accept"
    aria_label = "Accept the selected applications"
    action_priority = 10
    status = Application.Status.ACCEPTED
    done = "Accepted"


class WaitlistApplications(ApplicationDecision):
    display_name = "Waitlist"
    action_type = "waitlist"
    aria_label = "Put the selected applications on the waiting list"
    action_priority = 20
    status = Application.Status.WAITLISTED
    done = "Waitlisted"


class DeclineApplications(ApplicationDecision):
    display_name = "Decline"
    action_type = "decline"
    aria_label = "Decline the selected applications"
    action_priority = 30
    status = Application.Status.DECLINED
    done = "Declined"
