"""The only package that knows output formats: Rich tables for people; Markdown, CSV, JSON…

Each module is named after what it renders (``rows`` for ``list`` and ``measures``, ``detail`` for
``show``, ``coverage``, ``summary``, ``history``, ``problems``, ``outcome``) or after the format it
writes (``markdown``, ``csvdoc``, ``jsondoc``). The follow-up report has one module per format
(``report_table``, ``report_markdown``, ``report_csv``, ``report_xlsx``, ``report_json``,
``report_html``), sharing their Swedish words through ``report_text``; ``report`` picks one.
This package module defines nothing.
"""
