"""Programme views beside Wagtail's page serving; staff screens in `admin/`."""
