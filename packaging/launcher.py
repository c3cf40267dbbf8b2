"""The script PyInstaller freezes: the same `annotator` command that pip installs."""

from annotator.cli.main import main

if __name__ == "__main__":
    main()
