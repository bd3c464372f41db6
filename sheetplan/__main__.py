"""The `sheetplan` command and `python -m sheetplan`: the command line of `sheetplan.cli`.

Ctrl-C while the command line is still being loaded is answered as in any command: one line, exit 130.
"""

import sys


def main() -> None:
    try:
        from sheetplan.cli import main as command_line
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    command_line()


if __name__ == "__main__":
    main()
