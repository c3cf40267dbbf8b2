"""The safety tests' summary line: what the hostile-input tests tried, and how it ended."""

from hostile_tally import summary


def pytest_terminal_summary(terminalreporter):
    line = summary()
    if line is not None:
        terminalreporter.write_sep("-", "safety")
        terminalreporter.write_line(line)
