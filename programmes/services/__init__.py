"""Programme rules that are not a model's own, one module per concern."""
