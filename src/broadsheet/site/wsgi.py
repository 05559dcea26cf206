"""WSGI entry point for any server: ``broadsheet.site.wsgi:application``.

Settings come from ``DJANGO_SETTINGS_MODULE``, :mod:`broadsheet.site.settings` when it is not set; as
Django's own ``wsgi.py``, importing this module loads the site (that is what a WSGI server imports it for).
"""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.site.settings")
application = get_wsgi_application()
