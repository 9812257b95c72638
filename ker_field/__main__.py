import sys

from ker_field.app import main

sys.exit(main())
