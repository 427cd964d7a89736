from django.core.management.base import BaseCommand

from credentials.keys import rotate


class Command(BaseCommand):
    help = (
        "Start signing new credentials with a new Ed25519 key. The previous keys are retired but "
        "stay in the published key set, so the credentials they signed keep verifying."
    )

    def handle(self, *args, **options):
        key = rotate()
        self.stdout.write(f"New signing key: {key.kid}")
