"""The admin's "Credentials": the issued credentials, and their revocation.

A credential is signed once, when it is issued, and never edited: the admin lists and inspects
them, and its one change is revocation, with a reason that staff see and the public never does
(the verification page says only that the academy revoked it, and when). Nobody adds or deletes
one here: completions issue them, and a deleted row would free its bit in the revocation list,
un-revoking it. Revoking needs the model's "change" permission (Moderators, superusers).
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import dateformat, timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView, PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from credentials import issuing
from credentials.forms import RevokeForm
from credentials.models import Credential

REVOKE_ACTION = "credentials.revoke"


def when(moment):
    return dateformat.format(timezone.localtime(moment), "j M Y, H:i")


def status(credential):
    if credential.revoked:
        return f"Revoked on {when(credential.revoked_at)}"
    return "Valid"


def learner(credential):
    return credential.learner_name or "Deleted account"


class CredentialPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds or deletes a credential: "change"
    is revoking one."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in ("add", "delete")]
        )


class CredentialFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=Credential.Kind.choices, widget=forms.RadioSelect, empty_label="All"
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[("valid", "Valid"), ("revoked", "Revoked")],
        method="filter_status",
        widget=forms.RadioSelect,
        empty_label="All",
    )

    class Meta:
        model = Credential
        fields = ["kind"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(revoked_at__isnull=value == "valid")


class RevokeLinks:
    """The revoke page's address, for those who may revoke and while there is one to revoke."""

    revoke_url_name = None

    def get_revoke_url(self, credential):
        if self.revoke_url_name and not credential.revoked and self.user_has_permission("change"):
            return reverse(self.revoke_url_name, args=[credential.pk])
        return None


class TitleWithButtons(ButtonsColumnMixin, TitleColumn):
    """The listing's first column, with each row's buttons, as Wagtail's own title column has."""

    def __init__(self, *args, get_buttons, **kwargs):
        super().__init__(*args, **kwargs)
        self.buttons_for = get_buttons

    def get_buttons(self, instance, parent_context):
        return self.buttons_for(instance)


class CredentialIndexView(RevokeLinks, IndexView):
    """Each credential's title opens its details; "Revoke" is a button of its own."""

    def get_edit_url(self, instance):
        return None

    @cached_property
    def columns(self):
        return [
            TitleWithButtons(
                "learner",
                label="Learner",
                accessor=learner,
                sort_key="learner_name",
                get_url=self.get_inspect_url,
                get_buttons=self.get_list_buttons,
            ),
            Column("email", label="Email", accessor="learner.email"),
            Column("achievement_name", label="Achievement", sort_key="achievement_name"),
            Column("kind", label="Kind", accessor="get_kind_display", sort_key="kind"),
            DateColumn("issued_at", label="Issued", sort_key="issued_at"),
            Column("status", label="Status", accessor=status, sort_key="revoked_at"),
        ]

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if revoke_url := self.get_revoke_url(instance):
            buttons.append(
                ListingButton(
                    "Revoke",
                    url=revoke_url,
                    icon_name="cross",
                    attrs={"aria-label": f"Revoke the credential of {learner(instance)}"},
                    priority=10,
                )
            )
        return buttons


class CredentialInspectView(RevokeLinks, InspectView):
    """Everything about a credential, the revocation's reason included (staff only)."""

    def get_valid_until_display_value(self):
        return self.object.valid_until or "No end date"

    def get_revoked_at_display_value(self):
        return self.object.revoked_at or "Not revoked"

    def get_revoked_by_display_value(self):
        return self.object.revoked_by or "-"

    def get_revoked_reason_display_value(self):
        return self.object.revoked_reason or "-"

    @cached_property
    def header_more_buttons(self):
        buttons = [
            Button(
                "Public verification page",
                url=self.object.get_absolute_url(),
                icon_name="link-external",
                priority=20,
            )
        ]
        if revoke_url := self.get_revoke_url(self.object):
            buttons.insert(0, Button("Revoke", url=revoke_url, icon_name="cross", priority=10))
        return buttons


class RevokeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Revoke one credential, saying why. POST revokes; a revoked one is refused, and stays
    revoked with its first reason."""

    model = Credential
    permission_policy = None
    permission_required = "change"
    template_name = "credentials/admin_revoke.html"
    header_icon = "cross"
    index_url_name = None
    inspect_url_name = None
    http_method_names = ["get", "post", "head", "options"]

    @cached_property
    def credential(self):
        found = Credential.objects.select_related("learner", "revoked_by")
        return get_object_or_404(found, pk=self.kwargs["pk"])

    def get_page_title(self):
        return "Revoke a credential"

    def get_page_subtitle(self):
        return str(self.credential)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Credentials"},
            {
                "url": reverse(self.inspect_url_name, args=[self.credential.pk]),
                "label": str(self.credential),
            },
            {"url": "", "label": "Revoke"},
        ]

    def get(self, request, *args, **kwargs):
        form = None if self.credential.revoked else RevokeForm()
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        credential = self.credential
        form = RevokeForm(request.POST)
        if credential.revoked:
            # Twice in a row, or by two people at once: the first reason stands.
            return self.render_to_response(self.get_context_data(form=None), status=409)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        issuing.revoke(credential, request.user, form.cleaned_data["reason"])
        credential.refresh_from_db()
        log(instance=credential, action=REVOKE_ACTION, user=request.user)
        messages.success(
            request,
            f"Revoked “{credential.achievement_name}” of {learner(credential)}. Its verification "
            "page and the academy's revocation list say so from now on.",
        )
        return redirect(self.index_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            credential=self.credential,
            inspect_url=reverse(self.inspect_url_name, args=[self.credential.pk]),
        )
        return context


class CredentialViewSet(ModelViewSet):
    model = Credential
    name = "issued_credentials"
    url_prefix = "credentials"
    icon = "tick-inverse"
    menu_label = "Credentials"
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = CredentialIndexView
    inspect_view_class = CredentialInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "learner_name",
        "learner",
        "achievement_name",
        "kind",
        "public_id",
        "issued_at",
        "valid_until",
        "signing_key",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
    ]
    filterset_class = CredentialFilterSet
    search_fields = ["learner_name", "achievement_name", "learner__email"]
    ordering = ["-issued_at"]
    list_per_page = 50
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        # Never edited, added or deleted here (see the module's docstring).
        return super().get_common_view_kwargs(
            edit_url_name=None,
            add_url_name=None,
            delete_url_name=None,
            revoke_url_name=self.get_url_name("revoke"),
            **kwargs,
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Credential.objects.select_related("learner"), **kwargs
        )

    @property
    def revoke_view(self):
        return self.construct_view(
            RevokeView,
            permission_policy=self.permission_policy,
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        # Only the listing, the details, their history and the revocation: there is no
        # form to add, edit or delete a credential.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("revoke/<int:pk>/", self.revoke_view, name="revoke"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
        ]
