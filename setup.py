# pyproject.toml holds the whole configuration. This file exists for `scrapyd-deploy`, which builds
# its egg with `python setup.py bdist_egg` and would otherwise write a setup.py of its own.
from setuptools import setup

setup()
