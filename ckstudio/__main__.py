"""`python -m ckstudio` runs the command line."""

import sys

from ckstudio.cli import main

sys.exit(main())
