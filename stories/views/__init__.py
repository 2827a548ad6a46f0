"""Story views beside Wagtail's page serving: the newsletter and the staff screens."""
