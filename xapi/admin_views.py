"""The xAPI outbox in the admin: what is on its way to the LRS, what was sent, and what failed
and why; resending one statement, or every failed one.

Read-only apart from resending: statements are the record of what happened, so nobody adds,
edits or deletes one here. Staff see the outbox with `xapi.view_statement` and resend with
`xapi.change_statement` (Settings → Groups); superusers have both.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import truncatechars
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from xapi import vocabulary
from xapi.models import Statement
from xapi.sending import resend

# What a resend may take: a sent statement is in the LRS, one being sent is on its way.
RESENDABLE = (Statement.State.FAILED, Statement.State.PENDING)


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds or deletes a statement in the admin;
    "change" is the permission to resend."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in ("add", "delete")])


class StatementFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        choices=Statement.State.choices, widget=forms.RadioSelect, empty_label="All"
    )
    verb = django_filters.ChoiceFilter(
        choices=[(name, name) for name in vocabulary.VERBS], empty_label="All"
    )

    class Meta:
        model = Statement
        fields = []


def learner_of(statement):
    # A voiding statement is the academy's own.
    return statement.learner if statement.learner_id else "The academy"


class ResendColumn(Column):
    """A Resend button (a POST form) on the rows that may be resent, for those who may resend."""

    cell_template_name = "xapi/admin/resend_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        # Django keeps the user's permissions once read: no query per row.
        context["can_resend"] = instance.state in RESENDABLE and may_resend(request.user)
        if context["can_resend"]:
            context["resend_url"] = reverse("xapi_outbox:resend", args=[instance.pk])
            context["csrf_token"] = get_token(request)
        return context


class OutboxIndexView(IndexView):
    template_name = "xapi/admin/outbox_index.html"

    @cached_property
    def can_resend(self):
        return may_resend(self.request.user)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("learner")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_resend"] = self.can_resend
        if self.can_resend:
            context["failed_count"] = Statement.objects.filter(state=Statement.State.FAILED).count()
            context["resend_failed_url"] = reverse("xapi_outbox:resend_failed")
        return context


class StatementInspectView(InspectView):
    """One statement with the JSON sent to the LRS."""

    def get_fields(self):
        return [
            "statement_id",
            "verb",
            "learner",
            "state",
            "attempts",
            "last_error",
            "recorded_at",
            "next_attempt_at",
            "sent_at",
            "payload",
        ]


class StatementViewSet(ModelViewSet):
    model = Statement
    name = "xapi_outbox"
    url_prefix = "xapi/outbox"
    icon = "upload"
    menu_label = "xAPI outbox"
    add_to_admin_menu = False
    index_view_class = OutboxIndexView
    inspect_view_class = StatementInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = StatementFilterSet
    ordering = ["-recorded_at", "-pk"]
    list_per_page = 50
    list_display = [
        "verb",
        Column("learner", label="Learner", accessor=learner_of),
        Column("state", label="State", accessor="get_state_display", sort_key="state"),
        Column("attempts", label="Attempts", sort_key="attempts"),
        Column(
            "last_error",
            label="Last error",
            accessor=lambda statement: truncatechars(statement.last_error, 120),
        ),
        DateColumn("recorded_at", label="Recorded", sort_key="recorded_at"),
        DateColumn("sent_at", label="Sent", sort_key="sent_at"),
        ResendColumn("resend", label=""),
    ]

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete, history or usage views: the outbox is read-only.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("resend/<int:pk>/", resend_one, name="resend"),
            path("resend-failed/", resend_failed, name="resend_failed"),
        ]

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .filter(codename__in=["view_statement", "change_statement"])
        )


def may_resend(user):
    return OutboxPermissionPolicy(Statement).user_has_permission(user, "change")


def check_may_resend(user):
    if not may_resend(user):
        raise PermissionDenied


@require_POST
def resend_one(request, pk):
    check_may_resend(request.user)
    statement = get_object_or_404(Statement, pk=pk)
    if resend(Statement.objects.filter(pk=statement.pk)):
        messages.success(request, f"The statement “{statement}” is on its way to the LRS again.")
    else:
        messages.warning(
            request,
            f"The statement “{statement}” is {statement.get_state_display().lower()}: "
            "nothing to resend.",
        )
    return redirect("xapi_outbox:index")


@require_POST
def resend_failed(request):
    check_may_resend(request.user)
    count = resend(Statement.objects.filter(state=Statement.State.FAILED))
    if count:
        messages.success(request, f"{count} failed statement(s) are on their way to the LRS again.")
    else:
        messages.info(request, "No failed statement to resend.")
    return redirect("xapi_outbox:index")
