"""The settings module: ``DJANGO_SETTINGS_MODULE=broadsheet.site.settings``.

For Django's own tooling (``django-admin check``, ``migrate``), WSGI servers and test runners. It only
reads the environment (:func:`broadsheet.site.environment.build_settings`): no folders are made and no
connection opened on import. A site that needs more (object storage, another database) writes a module
of its own that starts with ``from broadsheet.site.settings import *``.
"""

from __future__ import annotations

import os
from pathlib import Path

from broadsheet.site.environment import build_settings

_settings = build_settings(os.environ)
globals().update(_settings)
BROADSHEET_SEARCH_BACKEND: str = _settings["BROADSHEET_SEARCH_BACKEND"]
BROADSHEET_UPLOADS_DIR: str = _settings["BROADSHEET_UPLOADS_DIR"]
BROADSHEET_MAX_UPLOAD_BYTES: int = _settings["BROADSHEET_MAX_UPLOAD_BYTES"]
BROADSHEET_WORKERS: int = _settings["BROADSHEET_WORKERS"]
BROADSHEET_MAX_SEARCH_PAGE: int = _settings["BROADSHEET_MAX_SEARCH_PAGE"]
BROADSHEET_MAX_QUERY_CHARS: int = _settings["BROADSHEET_MAX_QUERY_CHARS"]
BROADSHEET_CACHE_SECONDS: int = _settings["BROADSHEET_CACHE_SECONDS"]
BROADSHEET_PROCESSES: int = _settings["BROADSHEET_PROCESSES"]
BROADSHEET_CONNECTION_LIMIT: int = _settings["BROADSHEET_CONNECTION_LIMIT"]
BROADSHEET_CHANNEL_TIMEOUT: int = _settings["BROADSHEET_CHANNEL_TIMEOUT"]
BROADSHEET_CLEANUP_INTERVAL: int = _settings["BROADSHEET_CLEANUP_INTERVAL"]
BROADSHEET_WORKER_TIMEOUT: int = _settings["BROADSHEET_WORKER_TIMEOUT"]
BROADSHEET_GRACEFUL_TIMEOUT: int = _settings["BROADSHEET_GRACEFUL_TIMEOUT"]
BROADSHEET_TRUSTED_PROXY: str = _settings["BROADSHEET_TRUSTED_PROXY"]
BROADSHEET_REPLACED_MEDIA_GRACE_HOURS: int = _settings["BROADSHEET_REPLACED_MEDIA_GRACE_HOURS"]
BROADSHEET_PAGE_MEMORY_MB: int = _settings["BROADSHEET_PAGE_MEMORY_MB"]
BROADSHEET_PAGE_CPU_SECONDS: int = _settings["BROADSHEET_PAGE_CPU_SECONDS"]
BROADSHEET_PAGE_TIMEOUT: int = _settings["BROADSHEET_PAGE_TIMEOUT"]
BROADSHEET_OCR_MEMORY_MB: int = _settings["BROADSHEET_OCR_MEMORY_MB"]
BROADSHEET_OCR_SECONDS: int = _settings["BROADSHEET_OCR_SECONDS"]
BROADSHEET_URDU_OCR: str = _settings["BROADSHEET_URDU_OCR"]
BROADSHEET_CRNN_MODELS: Path = _settings["BROADSHEET_CRNN_MODELS"]
