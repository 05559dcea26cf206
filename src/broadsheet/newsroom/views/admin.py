"""The admin role's pages: staff accounts and publications (raw data is in the Django admin)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from broadsheet.editions.models import Publication
from broadsheet.errors import UsageError
from broadsheet.newsroom.roles import Role, admin_required, create_user, role_of


class UserForm(forms.Form):
    username = forms.CharField(label="User name", max_length=150)
    role = forms.ChoiceField(label="Role", choices=[(r.value, r.value.title()) for r in Role])
    password = forms.CharField(label="Password", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))


@admin_required
@require_http_methods(["GET", "HEAD", "POST"])
def users(request: HttpRequest) -> HttpResponse:
    """Every account with its role, and a form to add one."""
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = create_user(
                form.cleaned_data["username"], Role(form.cleaned_data["role"]), form.cleaned_data["password"]
            )
        except UsageError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, f"Added {user.username} ({role_of(user)}).")
            return redirect("newsroom:users")
    rows = [{"user": u, "role": role_of(u) or "none"} for u in User.objects.order_by("username")]
    status = 400 if form.errors else 200
    return render(request, "newsroom/users.html", {"rows": rows, "form": form}, status=status)


class PublicationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Publication
        fields = ("slug", "name", "language", "direction")
        labels = {"slug": "Short name (in URLs)", "direction": "Reading direction"}  # noqa: RUF012 (Django's)
        widgets = {"direction": forms.Select(choices=[("ltr", "Left to right"), ("rtl", "Right to left")])}  # noqa: RUF012


@admin_required
@require_http_methods(["GET", "HEAD", "POST"])
def publications(request: HttpRequest) -> HttpResponse:
    """Every publication, and a form to add one."""
    form = PublicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pub = form.save()
        messages.success(request, f"Added {pub.name}.")
        return redirect("newsroom:publications")
    context = {"publications": Publication.objects.all(), "form": form}
    return render(request, "newsroom/publications.html", context, status=400 if form.errors else 200)
