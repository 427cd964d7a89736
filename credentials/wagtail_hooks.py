"""The "Credentials" admin menu (credentials/admin_views.py), its permission policy, and the
revocation's entry in a credential's history."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from credentials.admin_views import (
    REVOKE_ACTION,
    CredentialPermissionPolicy,
    CredentialViewSet,
)
from credentials.models import Credential

# Registered before the viewset is, so that its views follow it.
register_permission_policy(Credential, CredentialPermissionPolicy(Credential))


@hooks.register("register_admin_viewset")
def register_credentials_viewset():
    return CredentialViewSet()


@hooks.register("register_log_actions")
def revocation_log_action(actions):
    actions.register_action(REVOKE_ACTION, "Revoke", "Revoked")
