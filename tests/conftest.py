"""Shared test set-up: Qt runs offscreen, and the user's settings are never touched."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings writes window geometry under XDG_CONFIG_HOME: keep it out of the user's home.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="convstudio-test-config-")
