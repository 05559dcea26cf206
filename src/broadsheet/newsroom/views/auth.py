"""Log in and out, with failed logins limited per address and per user name.

Django's ``LoginView`` checks the password (argon2, ``PASSWORD_HASHERS``); before it does, the recent
failures of the address and of the name are counted, and past the limit the login is refused without
the password even being looked at, so guessing costs an attacker :data:`WINDOW` per few tries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from broadsheet.newsroom.models import LoginFailure

WINDOW = dt.timedelta(minutes=15)
PER_USER = 5
PER_ADDRESS = 20


def client_address(request: HttpRequest) -> str:
    """The peer's address (behind a proxy, the proxy's: per-address limits then belong in the proxy)."""
    return str(request.META.get("REMOTE_ADDR") or "0.0.0.0")


def too_many_failures(address: str, username: str) -> bool:
    recent = LoginFailure.objects.filter(at__gte=timezone.now() - WINDOW)
    return recent.filter(username=username).count() >= PER_USER or recent.filter(address=address).count() >= PER_ADDRESS


class LoginView(auth_views.LoginView):
    template_name = "newsroom/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = str(request.POST.get("username", ""))[:150]
        if too_many_failures(client_address(request), username):
            minutes = int(WINDOW.total_seconds() // 60)
            context = {"form": AuthenticationForm(request), "refused": minutes}
            return render(request, self.template_name, context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        username = str(self.request.POST.get("username", ""))[:150]
        LoginFailure.objects.filter(at__lt=timezone.now() - WINDOW).delete()  # only the window counts
        LoginFailure.objects.create(address=client_address(self.request), username=username)
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    """Log out by POST only (Django's rule: a link cannot log anyone out)."""

    next_page = "newsroom:login"
