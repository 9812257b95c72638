"""Entry point of the PyInstaller build (build.spec): the same as the ``ker-field`` script."""

import sys

from ker_field.app import main

if __name__ == "__main__":
    sys.exit(main())
