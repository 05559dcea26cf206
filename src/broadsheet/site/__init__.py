"""The Django project: settings from the environment, root URLs, WSGI, and the site's CLI commands.

It imports the apps (:mod:`broadsheet.editions`, :mod:`broadsheet.web`); none of them imports it.
"""
