from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "lms.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from lms.core import audit, signals

        signals.connect()
        audit.connect()
