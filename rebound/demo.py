"""A small, believable data set for `make run`."""

from django.db import transaction

from .models import User

DEMO_EMAIL = "demo@rebound.example"
DEMO_PASSWORD = "rebound-demo-2026"


@transaction.atomic
def load_demo_data() -> User:
    user = User.objects.create_user(
        email=DEMO_EMAIL, password=DEMO_PASSWORD, first_name="Sam", timezone="Europe/Berlin"
    )
    return user
