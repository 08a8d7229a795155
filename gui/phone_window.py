"""The mock phones now live in the package gui/phone/ (window, watcher, transfer); this name stays
for the places that import it."""
from .phone import *  # noqa: F401,F403
