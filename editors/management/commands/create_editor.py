from django.core.management.base import BaseCommand

from editors.services import editor_create


class Command(BaseCommand):
    help = (
        "Create (or reuse) an editor account that may add, change and delete every record. "
        "Prints its API token alone on the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user, token, created = editor_create(username=username)
        verb = "Created" if created else "Reusing"
        self.stdout.write(
            f"{verb} editor {user.get_username()!r} in the editors group. "
            "Send the token below as 'Authorization: Token <token>'; set a password with "
            f"'manage.py changepassword {user.get_username()}' to log in to the browsable API."
        )
        self.stdout.write(token.key)
