"""Story forms: page editing and the story index filter."""
