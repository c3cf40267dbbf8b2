"""Start-up: `annotator stats` on a small project, as whole processes (issue 15).

    python benchmarks/bench_startup.py [--runs 20] [--importtime]

Runs bare Python (`python -c pass`), `annotator --project P stats`, `... docs` and
`annotator --help` in turn, --runs times each, on a project holding the sample
article, and prints the best and the median wall time of each. Target: stats
<= 0.15 s in a plain install. The annotator measured is the console script beside
this Python (else `python -m annotator`). Whether pandas (which sqlite-utils would
import) or anything else heavy was imported by `stats` is printed too; --importtime
adds the modules that take longest to import (python -X importtime).

An installed package has its bytecode compiled; an editable install under
PYTHONDONTWRITEBYTECODE=1 would compile every module at every start, so the package's
bytecode is compiled first (into its __pycache__ folders) when it is missing.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import annotator

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_691f64315ff478ca.txt"
HEAVY = ("PySide6", "pandas", "numpy", "spacy", "sqlite_utils", "annotator.qt", "annotator.arabic")


def annotator_command() -> list[str]:
    script = Path(sys.executable).with_name("annotator")
    return [str(script)] if script.exists() else [sys.executable, "-m", "annotator"]


def ensure_bytecode() -> None:
    package = Path(annotator.__file__).parent
    if not Path(importlib.util.cache_from_source(str(package / "__init__.py"))).exists():
        print(f"compiling the bytecode of {package} (as an installed copy has it)")
        compileall.compile_dir(str(package), quiet=1)


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def imported_by(command: list[str]) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) of every module the command imports."""
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    modules = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if cumulative.strip().isdigit():
                modules.append((int(cumulative), name))
    return modules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()
    ensure_bytecode()
    ours = annotator_command()
    with tempfile.TemporaryDirectory() as folder:
        project = str(Path(folder) / "small.annotator")
        subprocess.run(
            [*ours, "--project", project, "import", str(SEED)], check=True, capture_output=True
        )
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "annotator stats": [*ours, "--project", project, "stats"],
            "annotator docs": [*ours, "--project", project, "docs"],
            "annotator --help": [*ours, "--help"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        load = os.getloadavg()
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(wall(command))
        print(
            f"{os.cpu_count()} CPUs; load average {load[0]:.2f} before, "
            f"{os.getloadavg()[0]:.2f} after; best and median of {args.runs} runs:"
        )
        for name, runs in times.items():
            print(f"  {name:18s} best {min(runs):.3f} s  median {statistics.median(runs):.3f} s")
        best = min(times["annotator stats"])
        print(
            f"annotator stats: {best:.3f} s (target <= 0.15 s):"
            f" {'met' if best <= 0.15 else 'MISSED'}"
        )
        stats_command = [sys.executable, "-m", "annotator", "--project", project, "stats"]
        modules = imported_by(stats_command)
        names = {name.strip() for _, name in modules}
        heavy = sorted(n for n in names if any(n == h or n.startswith(h + ".") for h in HEAVY))
        pandas = importlib.util.find_spec("pandas") is not None
        print(
            f"pandas installed: {'yes' if pandas else 'no'}; heavy modules imported by stats:"
            f" {', '.join(heavy) or 'none'}"
        )
        if args.importtime:
            print("longest imports of `stats` (cumulative ms, module):")
            for micros, name in sorted(modules, reverse=True)[:20]:
                print(f"  {micros / 1000:7.1f}  {name.rstrip()}")


if __name__ == "__main__":
    main()
