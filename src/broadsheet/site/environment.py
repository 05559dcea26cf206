"""Django settings built from the environment by a factory, never at import time.

Every setting the operator can change is declared once in :data:`ENV_SETTINGS` (name, default, help):
the CLI's ``--help`` and the docs read the same table, and a test checks that each is documented.
:mod:`broadsheet.site.settings` is this factory applied to ``os.environ`` (``DJANGO_SETTINGS_MODULE``
for ``django-admin`` and WSGI servers); the CLI and the tests call :func:`setup` with a mapping.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from broadsheet.errors import UsageError
from broadsheet.ocr.engine import MODELS_FOLDER

_REPO_ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True, slots=True)
class EnvSetting:
    name: str
    default: str
    help: str


ENV_SETTINGS: tuple[EnvSetting, ...] = (
    EnvSetting("BROADSHEET_DATA_DIR", "var", "folder for the SQLite database and media (page images, tiles)"),
    EnvSetting("BROADSHEET_DATABASE", "", "SQLite database file (default: DATA_DIR/broadsheet.sqlite3)"),
    EnvSetting("BROADSHEET_MEDIA_ROOT", "", "folder of page images and tiles (default: DATA_DIR/media)"),
    EnvSetting("BROADSHEET_SECRET_KEY", "", "Django secret key (default: random per process; set it for the admin)"),
    EnvSetting("BROADSHEET_DEBUG", "0", "1 to show Django debug pages (never in production)"),
    EnvSetting("BROADSHEET_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]", "comma-separated host names served"),
    EnvSetting("BROADSHEET_NODE_MODULES", "", "folder with npm's node_modules (default: the checkout's)"),
    EnvSetting(
        "BROADSHEET_STATIC_ROOT",
        "",
        "folder `collectstatic` fills with hashed static files, cached a year (empty: sources, short cache)",
    ),
    EnvSetting("BROADSHEET_SEARCH_BACKEND", "tantivy", "search engine: tantivy (index beside the database)"),
    EnvSetting("BROADSHEET_UPLOADS_DIR", "", "folder of editions uploaded in the newsroom (default: DATA_DIR/uploads)"),
    EnvSetting("BROADSHEET_MAX_UPLOAD_MB", "500", "largest edition file the newsroom accepts, in MiB"),
    EnvSetting("BROADSHEET_WORKERS", "1", "background workers `broadsheet serve` starts for the newsroom (0: none)"),
    EnvSetting("BROADSHEET_MAX_SEARCH_PAGE", "50", "deepest page of search results a reader may ask for (20 a page)"),
    EnvSetting("BROADSHEET_MAX_QUERY_CHARS", "200", "longest search query (and ?q= on pages), in characters"),
    EnvSetting(
        "BROADSHEET_CACHE_SECONDS", "0", "how long browsers and proxies may reuse a reader page unasked (0: revalidate)"
    ),
    # `broadsheet serve` (broadsheet.site.serving): supervised processes, and bounds on slow and idle clients
    EnvSetting("BROADSHEET_PROCESSES", "2", "server processes `broadsheet serve` runs, each replaced if it dies"),
    EnvSetting(
        "BROADSHEET_CONNECTION_LIMIT", "1000", "open connections one server process holds (more wait to be accepted)"
    ),
    EnvSetting("BROADSHEET_CHANNEL_TIMEOUT", "30", "seconds a connection may stay silent before the server closes it"),
    EnvSetting("BROADSHEET_CLEANUP_INTERVAL", "10", "seconds between two looks for silent connections to close"),
    EnvSetting(
        "BROADSHEET_WORKER_TIMEOUT",
        "60",
        "seconds a server process may go unresponsive before it is killed and replaced",
    ),
    EnvSetting("BROADSHEET_GRACEFUL_TIMEOUT", "30", "seconds a stopping server process has to finish its requests"),
    EnvSetting(
        "BROADSHEET_TRUSTED_PROXY",
        "",
        "address of the reverse proxy whose X-Forwarded-Proto, -Host and -For are believed (empty: none)",
    ),
    EnvSetting(
        "BROADSHEET_SECURE_COOKIES",
        "",
        "1: session and CSRF cookies only over HTTPS (empty: on when BROADSHEET_TRUSTED_PROXY is set)",
    ),
    # ingest (broadsheet.ingest.isolation): each page's work in a worker process, and each Tesseract run, bounded
    EnvSetting("BROADSHEET_PAGE_MEMORY_MB", "2048", "memory (MiB) one page's rendering or reading may take in ingest"),
    EnvSetting("BROADSHEET_PAGE_CPU_SECONDS", "300", "CPU seconds one page's rendering or reading may take in ingest"),
    EnvSetting("BROADSHEET_PAGE_TIMEOUT", "3600", "seconds one page's work at ingest may last, waiting included"),
    EnvSetting("BROADSHEET_OCR_MEMORY_MB", "2048", "memory one Tesseract run may take, in MiB"),
    EnvSetting("BROADSHEET_OCR_SECONDS", "600", "CPU seconds, and seconds, one Tesseract run may take"),
    # how Urdu scans are read (broadsheet.ocr.engine)
    EnvSetting(
        "BROADSHEET_URDU_OCR",
        "auto",
        "auto: the Nastaliq CRNN when built, else Tesseract's urd with a warning; crnn: refuse without it; tesseract",
    ),
    EnvSetting(
        "BROADSHEET_CRNN_MODELS",
        "",
        "folder of the Nastaliq CRNN (default: build/ocr-models/crnn in the project, make ocr-model-ur-crnn)",
    ),
    EnvSetting(
        "BROADSHEET_REPLACED_MEDIA_GRACE_HOURS",
        "24",
        "hours a replaced build's pages and images stay for readers who have them open, before `broadsheet gc`",
    ),
)


LIMIT_SETTINGS = (
    "BROADSHEET_PAGE_MEMORY_MB",
    "BROADSHEET_PAGE_CPU_SECONDS",
    "BROADSHEET_PAGE_TIMEOUT",
    "BROADSHEET_OCR_MEMORY_MB",
    "BROADSHEET_OCR_SECONDS",
)


def env_value(env: Mapping[str, str], name: str) -> str:
    """The environment's value of a declared setting, or its default."""
    for setting in ENV_SETTINGS:
        if setting.name == name:
            return env.get(name) or setting.default
    raise KeyError(f"undeclared setting {name}")


def _flag(env: Mapping[str, str], name: str) -> bool:
    value = env_value(env, name).strip().lower()
    if value not in {"0", "1", "true", "false", "yes", "no", ""}:
        raise UsageError(f"{name} must be 0 or 1, not {value!r}")
    return value in {"1", "true", "yes"}


def _count(env: Mapping[str, str], name: str) -> int:
    value = env_value(env, name).strip()
    if not value.isdigit():
        raise UsageError(f"{name} must be a whole number, not {value!r}")
    return int(value)


def _positive(env: Mapping[str, str], name: str) -> int:
    if (value := _count(env, name)) < 1:
        raise UsageError(f"{name} must be 1 or more")
    return value


def _megabytes(env: Mapping[str, str], name: str) -> int:
    return _positive(env, name) * 2**20


def paths(env: Mapping[str, str]) -> tuple[Path, Path]:
    """The database file and media root the environment asks for."""
    data_dir = Path(env_value(env, "BROADSHEET_DATA_DIR")).resolve()
    database = Path(env_value(env, "BROADSHEET_DATABASE") or data_dir / "broadsheet.sqlite3")
    media = Path(env_value(env, "BROADSHEET_MEDIA_ROOT") or data_dir / "media")
    return database.resolve(), media.resolve()


def uploads_dir(env: Mapping[str, str]) -> Path:
    """Where uploaded edition files are kept: private, never under the media folder readers are served."""
    data_dir = Path(env_value(env, "BROADSHEET_DATA_DIR")).resolve()
    return Path(env_value(env, "BROADSHEET_UPLOADS_DIR") or data_dir / "uploads").resolve()


# What the reader serves from npm's packages (installed by `make setup`, never committed): static prefix,
# folder inside node_modules. The fonts' folders hold every subset and format; reader.css names only the
# Arabic-script subset in woff2, so nothing else is ever fetched.
VENDOR_PACKAGES = (
    ("vendor/openseadragon", "openseadragon/build/openseadragon"),
    ("vendor/noto-nastaliq-urdu", "@fontsource/noto-nastaliq-urdu/files"),
    ("vendor/noto-naskh-arabic", "@fontsource/noto-naskh-arabic/files"),
)


def _vendor_dirs(env: Mapping[str, str]) -> list[tuple[str, str]]:
    node_modules = Path(env_value(env, "BROADSHEET_NODE_MODULES") or _REPO_ROOT / "node_modules")
    return [(prefix, str(node_modules / where)) for prefix, where in VENDOR_PACKAGES if (node_modules / where).is_dir()]


def server_settings(env: Mapping[str, str]) -> dict[str, Any]:
    """What ``broadsheet serve`` runs (:mod:`broadsheet.site.serving`), and whom it believes about the scheme.

    Behind a reverse proxy that ends TLS, the request reaching the server is plain HTTP: links the site
    makes absolute (canonical, ``og:url``) would say ``http://``. Only the proxy named by
    ``BROADSHEET_TRUSTED_PROXY`` is believed about the scheme and host it was asked for; Django's settings
    for that are on only then (any client could send the headers), and the server drops the headers
    from anyone else.
    """
    proxy = env_value(env, "BROADSHEET_TRUSTED_PROXY").strip()
    secure = _flag(env, "BROADSHEET_SECURE_COOKIES") if env_value(env, "BROADSHEET_SECURE_COOKIES") else bool(proxy)
    return {
        "BROADSHEET_PROCESSES": _positive(env, "BROADSHEET_PROCESSES"),
        "BROADSHEET_CONNECTION_LIMIT": _positive(env, "BROADSHEET_CONNECTION_LIMIT"),
        "BROADSHEET_CHANNEL_TIMEOUT": _positive(env, "BROADSHEET_CHANNEL_TIMEOUT"),
        "BROADSHEET_CLEANUP_INTERVAL": _positive(env, "BROADSHEET_CLEANUP_INTERVAL"),
        "BROADSHEET_WORKER_TIMEOUT": _positive(env, "BROADSHEET_WORKER_TIMEOUT"),
        "BROADSHEET_GRACEFUL_TIMEOUT": _count(env, "BROADSHEET_GRACEFUL_TIMEOUT"),
        "BROADSHEET_TRUSTED_PROXY": proxy,
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https") if proxy else None,
        "USE_X_FORWARDED_HOST": bool(proxy),
        # behind the proxy that ends TLS (docs/deploy.md), staff cookies never travel in the clear
        "SESSION_COOKIE_SECURE": secure,
        "CSRF_COOKIE_SECURE": secure,
    }


def ocr_settings(env: Mapping[str, str]) -> dict[str, Any]:
    """How ingest reads Urdu scans: the engine (checked here, so that a typo fails at start-up, not at
    the first Urdu edition) and the CRNN's folder, absolute (ingest may run from any folder)."""
    from broadsheet.ocr.engine import ENGINES

    engine = env_value(env, "BROADSHEET_URDU_OCR").strip().lower()
    if engine not in ENGINES:
        raise UsageError(f"BROADSHEET_URDU_OCR must be one of {', '.join(ENGINES)}, not {engine!r}")
    models = env_value(env, "BROADSHEET_CRNN_MODELS") or MODELS_FOLDER
    return {"BROADSHEET_URDU_OCR": engine, "BROADSHEET_CRNN_MODELS": Path(models).resolve()}


def build_settings(env: Mapping[str, str]) -> dict[str, Any]:
    """All Django settings as a dict, from ``env`` (usually ``os.environ``) with safe defaults."""
    database, media = paths(env)
    uploads = uploads_dir(env)
    debug = _flag(env, "BROADSHEET_DEBUG")
    hosts = [h.strip() for h in env_value(env, "BROADSHEET_ALLOWED_HOSTS").split(",") if h.strip()]
    return {
        "DEBUG": debug,
        "SECRET_KEY": env_value(env, "BROADSHEET_SECRET_KEY") or secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": hosts,
        "ROOT_URLCONF": "broadsheet.site.urls",
        "WSGI_APPLICATION": "broadsheet.site.wsgi.application",
        "INSTALLED_APPS": [
            "broadsheet.editions.apps.EditionsConfig",
            "broadsheet.web.apps.ReaderConfig",
            "broadsheet.newsroom.apps.NewsroomConfig",
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "django.contrib.staticfiles",
        ],
        "MIDDLEWARE": [
            "broadsheet.web.middleware.head_without_body",
            # outside WhiteNoise, which answers static files itself: they get the policy too
            "broadsheet.web.middleware.content_security_policy",
            "django.middleware.security.SecurityMiddleware",
            "broadsheet.site.staticfiles.StaticFiles",  # WhiteNoise
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
            "broadsheet.web.middleware.ErrorStatuses",
            "broadsheet.web.middleware.InterfaceLanguage",
        ],
        "DATABASES": {
            "default": {
                "ENGINE": "broadsheet.site.sqlite3",
                "NAME": str(database),
                "CONN_MAX_AGE": 600,  # one connection per server thread, not one per request
                "OPTIONS": {
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                    "transaction_mode": "IMMEDIATE",
                    "timeout": 20,
                },
            }
        },
        # Pages rendered per edition build (broadsheet.web.caching), in each server process: a build never
        # changes, so entries do not expire; the least recently used go when MAX_ENTRIES is reached.
        "CACHES": {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "TIMEOUT": None,
                "OPTIONS": {"MAX_ENTRIES": 1000},
            }
        },
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                        "django.contrib.messages.context_processors.messages",
                    ]
                },
            }
        ],
        "STATIC_URL": "/static/",
        # hashed names, a year's cache, where collectstatic filled this folder (broadsheet.site.staticfiles)
        "STATIC_ROOT": env_value(env, "BROADSHEET_STATIC_ROOT") or None,
        "STATICFILES_DIRS": _vendor_dirs(env),
        "WHITENOISE_USE_FINDERS": True,
        "WHITENOISE_AUTOREFRESH": debug,
        # Page images and tiles go through the default storage (broadsheet.editions.media): the media folder
        # here, served under MEDIA_URL; a settings module of a site's own can name object storage instead.
        "STORAGES": {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "broadsheet.site.staticfiles.HashedStaticFiles"},
        },
        "MEDIA_URL": "/media/",
        # The newsroom (broadsheet.newsroom): staff log in at /staff/login/ with argon2-hashed passwords;
        # uploads are streamed to temporary files on disk (never held in memory) and refused past the limit.
        "PASSWORD_HASHERS": [
            "django.contrib.auth.hashers.Argon2PasswordHasher",
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        ],
        "AUTH_PASSWORD_VALIDATORS": [
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
        ],
        "LOGIN_URL": "/staff/login/",
        "LOGIN_REDIRECT_URL": "/staff/",
        "FILE_UPLOAD_HANDLERS": ["broadsheet.newsroom.uploads.LimitedUploadHandler"],
        "BROADSHEET_UPLOADS_DIR": str(uploads),
        "BROADSHEET_MAX_UPLOAD_BYTES": _megabytes(env, "BROADSHEET_MAX_UPLOAD_MB"),
        "BROADSHEET_WORKERS": _count(env, "BROADSHEET_WORKERS"),
        # Bounds on what one request may ask for (broadsheet.web.params): past them, a 400 naming the setting.
        "BROADSHEET_MAX_SEARCH_PAGE": _positive(env, "BROADSHEET_MAX_SEARCH_PAGE"),
        "BROADSHEET_MAX_QUERY_CHARS": _positive(env, "BROADSHEET_MAX_QUERY_CHARS"),
        "BROADSHEET_CACHE_SECONDS": _count(env, "BROADSHEET_CACHE_SECONDS"),
        **server_settings(env),
        # a re-ingest keeps the build it replaced this long (broadsheet.site.gc): open pages keep their tiles
        "BROADSHEET_REPLACED_MEDIA_GRACE_HOURS": _count(env, "BROADSHEET_REPLACED_MEDIA_GRACE_HOURS"),
        # what one page's work at ingest, and one Tesseract run, may take: past it, the page fails alone
        **{name: _positive(env, name) for name in LIMIT_SETTINGS},
        **ocr_settings(env),
        "MEDIA_ROOT": str(media),
        "BROADSHEET_SEARCH_BACKEND": env_value(env, "BROADSHEET_SEARCH_BACKEND"),
        "USE_TZ": True,
        "TIME_ZONE": "UTC",
        # The reader's interface in English (the default), Urdu and Arabic (broadsheet.web.language): the
        # edition's language where a page shows one, else English; the reader's choice, kept in a cookie, wins.
        # Translations are in broadsheet/web/locale/, compiled to .mo by `make setup` (msgfmt).
        "USE_I18N": True,
        "LANGUAGE_CODE": "en",
        "LANGUAGES": [("en", "English"), ("ur", "اردو"), ("ar", "العربية")],  # as the switch names them
        "LANGUAGE_COOKIE_NAME": "broadsheet_language",
        "LANGUAGE_COOKIE_AGE": 365 * 24 * 3600,
        "LANGUAGE_COOKIE_SAMESITE": "Lax",
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
        "LOGGING_CONFIG": None,
    }


def setup(env: Mapping[str, str]) -> None:
    """Configure Django for this process and load the apps; later calls do nothing.

    The settings module that the process's ``DJANGO_SETTINGS_MODULE`` names, as ``django-admin`` does (a
    site's own module, say with object storage, then serves ``broadsheet ingest`` as it serves the web);
    without one, :func:`build_settings` from ``env``, which lets the demo and the tests pass a mapping.
    """
    import django
    from django.conf import settings

    if not settings.configured:
        if "DJANGO_SETTINGS_MODULE" not in os.environ:
            settings.configure(**build_settings(env))
        django.setup()


def migrate() -> None:
    """Create or upgrade the database schema (idempotent)."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
