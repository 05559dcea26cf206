"""Settings module for django-stubs' mypy plugin only, which needs a module; the app never imports it."""

from broadsheet.web.settings import build_settings

_settings = build_settings({"BROADSHEET_DATA_DIR": "build/typecheck", "BROADSHEET_SECRET_KEY": "typecheck"})
globals().update(_settings)
BROADSHEET_SEARCH_BACKEND: str = _settings["BROADSHEET_SEARCH_BACKEND"]
