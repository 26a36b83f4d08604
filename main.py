"""Launch ConvStudio from a checkout: ``python main.py [SCENE.json]``."""

import sys

from convstudio.cli import main

if __name__ == "__main__":
    sys.exit(main())
