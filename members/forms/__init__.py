"""The member area's forms, one module per feature."""
