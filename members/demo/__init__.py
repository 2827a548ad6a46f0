"""The member area's demo content, loaded by `manage.py load_demo`."""
