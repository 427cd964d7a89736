from django.apps import AppConfig


class XapiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "xapi"
    verbose_name = "Learning records (xAPI)"

    def ready(self):
        from xapi import receivers

        # The events of every app, however they are stored (site, admin, API, shell), are
        # recorded as statements in the outbox.
        receivers.connect()
