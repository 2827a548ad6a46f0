"""Programme forms: page editing, filters, applications and participants' forms."""
