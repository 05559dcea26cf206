"""The newsroom's views, a module per part: login, the dashboard and uploads, review, publishing, admin pages."""
