from django.apps import AppConfig


class XapiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "xapi"
    verbose_name = "Learning records (xAPI)"
