"""Staff accounts for the newsroom's tests: an editor and an admin, each with a logged-in client."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

PASSWORD = "correct horse battery"


@pytest.fixture
def editor(site: Path) -> Client:
    from broadsheet.newsroom.roles import Role, create_user

    client = Client()
    client.force_login(create_user("eddie", Role.EDITOR, PASSWORD))
    return client


@pytest.fixture
def admin(site: Path) -> Client:
    from broadsheet.newsroom.roles import Role, create_user

    client = Client()
    client.force_login(create_user("ada", Role.ADMIN, PASSWORD))
    return client
