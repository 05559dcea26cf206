"""The reader: the Django app (label ``reader``) that shows published editions on the web.

Its views, templates and static files read the edition models of :mod:`broadsheet.editions`; the
Django project around it (settings, root URLs, WSGI) is :mod:`broadsheet.site`.
"""
