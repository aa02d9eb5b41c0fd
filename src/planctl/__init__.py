"""planctl – följ upp kommunala handlingsplaner för personalförsörjning som YAML i git."""

__version__ = "0.1.0"
