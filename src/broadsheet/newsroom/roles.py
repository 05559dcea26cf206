"""Two roles over Django's auth: an *editor* uploads, reviews, corrects and publishes; an *admin* also
manages users and publications and opens the Django admin (``/staff/admin/``).

An admin is a Django superuser (so the admin site lets them in); an editor is an active user in the
``editors`` group and nothing more (``is_staff`` stays false, so the Django admin never does). Views
say which role they need with :func:`editor_required` or :func:`admin_required`: anonymous visitors are
sent to the login page, a logged-in user without the role gets 403.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from broadsheet.errors import UsageError

EDITORS = "editors"

View = Callable[..., HttpResponse]


class Role(StrEnum):
    EDITOR = "editor"
    ADMIN = "admin"


def is_admin(user: AbstractBaseUser | AnonymousUser) -> bool:
    return isinstance(user, User) and user.is_active and user.is_superuser


def is_editor(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether ``user`` may do an editor's work (admins may do all of it)."""
    if not isinstance(user, User) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


def role_of(user: User) -> Role | None:
    if is_admin(user):
        return Role.ADMIN
    return Role.EDITOR if is_editor(user) else None


@transaction.atomic
def create_user(name: str, role: Role, password: str) -> User:
    """A new staff account; refuses a taken name or a weak password with a message saying which."""
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    name = name.strip()
    if not name or User.objects.filter(username=name).exists():
        raise UsageError(f"there is already a user called {name!r}" if name else "give the user a name")
    user = User(username=name)
    try:
        validate_password(password, user)
    except ValidationError as e:
        raise UsageError("the password is too weak: " + " ".join(e.messages)) from e
    user.set_password(password)
    user.is_staff = user.is_superuser = role is Role.ADMIN
    user.save()
    if role is Role.EDITOR:
        user.groups.add(Group.objects.get_or_create(name=EDITORS)[0])
    return user


def _requires(check: Callable[[AbstractBaseUser | AnonymousUser], bool], role: Role) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not check(request.user):
                raise PermissionDenied(f"this page needs the {role} role")
            return view(request, *args, **kwargs)

        return login_required(guarded)

    return decorator


editor_required = _requires(is_editor, Role.EDITOR)
admin_required = _requires(is_admin, Role.ADMIN)
