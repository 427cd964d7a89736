from django.apps import AppConfig


class CredentialsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "credentials"
    verbose_name = "Credentials"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from credentials.issuing import account_deleted

        # However an account is deleted (by its owner, from the admin), its credentials forget
        # the name and the token before the rows lose their learner (on_delete=SET_NULL).
        pre_delete.connect(
            account_deleted, sender=get_user_model(), dispatch_uid="credentials.account_deleted"
        )
