"""The Datasette side of the package: the plugin (``plugin.py``: SQL functions, cell links, front page,
punkt and case pages), the queries behind it and the templates. ``referater.publish`` configures Datasette
with them, so `referater serve` and the tests publish the same site.
"""
