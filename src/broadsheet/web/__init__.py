"""The reader: Django project and app that show ingested editions on the web.

Nothing here configures Django at import time. Call :func:`broadsheet.web.settings.setup` (the CLI,
the WSGI entry point and the tests do) with an environment mapping; it builds the settings from it.
"""
