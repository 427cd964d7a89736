"""`manage.py issue_missing_credentials`: Open Badges credentials for the certificates issued
before the academy issued credentials (learning.services.issue_missing_credentials). Run it once
after upgrading; running it again issues nothing new."""

from django.core.management.base import BaseCommand

from learning.services import issue_missing_credentials


class Command(BaseCommand):
    help = "Issue the credentials of certificates that have none, and of editions they complete."

    def handle(self, *args, **options):
        issued = issue_missing_credentials()
        self.stdout.write(f"{issued} credential(s) issued.")
