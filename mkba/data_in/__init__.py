"""data_in layer."""
