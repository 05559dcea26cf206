"""The newsroom: the staff's part of the site under ``/staff/`` (log in, upload, watch, correct, publish).

A thin Django app over the library: editions are built by :mod:`broadsheet.ingest` in background tasks
(:mod:`broadsheet.newsroom.queue`), corrections are applied to the edition models
(:mod:`broadsheet.editions`) and followed by search (:mod:`broadsheet.search`). It never imports the
reader (``broadsheet.web``).
"""
