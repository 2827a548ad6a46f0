"""Programme demo content, loaded by `manage.py load_demo`."""
