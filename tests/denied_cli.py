"""``convstudio ARGS`` with FOLDER unreadable (see :mod:`denied`).

python tests/denied_cli.py FOLDER ARGS...
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import denied

denied.deny(sys.argv[1])

from convstudio.cli import main  # noqa: E402

sys.exit(main(sys.argv[2:]))
