"""A leftover local module that happens to be called json."""
VERSION = "scratch"
