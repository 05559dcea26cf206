"""Staff accounts: made on the command line with argon2 hashes, logged in with a rate limit and CSRF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.test import Client

from broadsheet.cli import main
from tests.newsroom.conftest import PASSWORD


def _add(monkeypatch: pytest.MonkeyPatch, name: str, role: str, password: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return main(["user", "add", name, "--role", role, "--password-stdin"])


def test_user_add_makes_an_editor_and_an_admin_with_argon2_hashes(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.contrib.auth.models import User

    from broadsheet.newsroom.roles import Role, role_of

    assert _add(monkeypatch, "eddie", "editor", PASSWORD) == 0
    assert _add(monkeypatch, "ada", "admin", PASSWORD) == 0
    assert capsys.readouterr().out.splitlines() == ["added eddie (editor)", "added ada (admin)"]
    eddie, ada = User.objects.get(username="eddie"), User.objects.get(username="ada")
    assert eddie.password.startswith("argon2$argon2id$") and eddie.check_password(PASSWORD)
    assert (role_of(eddie), role_of(ada)) == (Role.EDITOR, Role.ADMIN)
    assert not eddie.is_staff and ada.is_staff and ada.is_superuser


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [("eddie", PASSWORD, "already a user called 'eddie'"), ("newbie", "12345678901", "too weak")],
)
def test_user_add_refuses_a_taken_name_and_a_weak_password(
    site: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    password: str,
    message: str,
) -> None:
    assert _add(monkeypatch, "eddie", "editor", PASSWORD) == 0
    assert _add(monkeypatch, name, "editor", password) == 64
    assert message in capsys.readouterr().err


def _login(client: Client, password: str) -> int:
    return client.post("/staff/login/", {"username": "eddie", "password": password}).status_code


def test_login_is_refused_after_five_failures_even_with_the_right_password(site: Path) -> None:
    from broadsheet.newsroom.roles import Role, create_user

    create_user("eddie", Role.EDITOR, PASSWORD)
    client = Client()
    wrong = client.post("/staff/login/", {"username": "eddie", "password": "nope"})
    assert wrong.status_code == 200 and "do not match" in wrong.content.decode()
    assert [_login(client, "nope") for _ in range(4)] == [200] * 4
    refused = client.post("/staff/login/", {"username": "eddie", "password": PASSWORD})
    assert refused.status_code == 429 and "Too many failed logins" in refused.content.decode()
    assert client.get("/staff/").status_code == 302  # not logged in


def test_only_failures_within_the_window_count(site: Path) -> None:
    import datetime as dt

    from django.utils import timezone

    from broadsheet.newsroom.models import LoginFailure
    from broadsheet.newsroom.roles import Role, create_user

    create_user("eddie", Role.EDITOR, PASSWORD)
    long_ago = timezone.now() - dt.timedelta(hours=1)
    for _ in range(5):
        LoginFailure.objects.create(address="127.0.0.1", username="eddie")
    LoginFailure.objects.update(at=long_ago)
    client = Client()
    assert _login(client, "nope") == 200
    assert LoginFailure.objects.count() == 1  # the old ones were forgotten
    assert _login(client, PASSWORD) == 302


def test_login_logs_in_and_logout_needs_a_post(site: Path) -> None:
    from broadsheet.newsroom.roles import Role, create_user

    create_user("eddie", Role.EDITOR, PASSWORD)
    client = Client()
    response = client.post("/staff/login/", {"username": "eddie", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200
    assert client.get("/staff/logout/").status_code == 405
    client.post("/staff/logout/")
    assert client.get("/staff/").status_code == 302


def test_every_form_needs_its_csrf_token(site: Path) -> None:
    from broadsheet.newsroom.roles import Role, create_user

    user = create_user("ada", Role.ADMIN, PASSWORD)
    client = Client(enforce_csrf_checks=True)
    assert client.post("/staff/login/", {"username": "ada", "password": PASSWORD}).status_code == 403
    page = client.get("/staff/login/")
    token = page.cookies["csrftoken"].value
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    form = {"username": "ada", "password": PASSWORD, "csrfmiddlewaretoken": token}
    assert client.post("/staff/login/", form).status_code == 302
    assert (
        client.post(
            "/staff/publications/", {"slug": "x", "name": "X", "language": "en", "direction": "ltr"}
        ).status_code
        == 403
    )
    assert user.is_superuser
