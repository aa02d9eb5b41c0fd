"""The only package that knows output formats: Rich tables for people; Markdown, CSV, JSON…

Shared by every output:

- ``words``: the one vocabulary – percentages (half up), numbers and quantities (decimal comma),
  targets, units, trend words, status colours, the funding note;
- ``formats``: the registry of output formats (name, suffixes, binary or text, which outputs
  write it); the CLI builds every ``--format`` from it;
- ``tables``: the table model (columns declared once with their heading, key, kind and the
  formats that show them; typed rows); ``report_tables`` declares the report's sections with it
  (summary, each area's rows, measured targets), which every report format lays out;
- ``csvdoc`` (the one CSV dialect), ``markdown`` (the one Markdown table builder), ``jsondoc``,
  ``console``, ``escape`` (output-side escaping).

Each other module is named after what it renders (``rows`` for ``list`` and ``measures``,
``detail`` for ``show``, ``coverage``, ``summary``, ``history``, ``problems``, ``outcome``,
``validation``, ``chart``). The follow-up report has one module per format (``report_table``,
``report_markdown``, ``report_csv``, ``report_xlsx``, ``report_json``, ``report_html``), sharing
the report's headings through ``report_text``; ``report`` picks one. This package module defines
nothing.
"""
