"""The member area's views, one module per feature; staff screens in `admin/`."""
