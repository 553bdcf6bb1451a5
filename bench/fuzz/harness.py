"""What the fuzz targets share: recording each distinct crash once, and the command line.

``fuzz_loaders.py`` and ``fuzz_pages.py`` each define ``run_one(data)`` (one input through
the kit), their seed inputs and which modules atheris instruments; :class:`Harness` does
the rest. Run as scripts, they import this module from their own folder.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Harness:
    """One fuzz target: ``run_one`` raises on a crash; bad input it must return quietly.

    ``targets`` name what the first byte of an input picks (for the crash report);
    ``input_limit`` caps how much of an input the report prints (None: all of it).
    """

    run_one: Callable[[bytes], None]
    seed_inputs: Callable[[], Mapping[str, bytes]]
    seeds: Path
    crashes: Path
    targets: Sequence[str]
    instrument: Sequence[str]
    imports: Callable[[], None]
    input_limit: int | None = None

    def record(self, data: bytes, err: BaseException) -> None:
        """Write ``data`` and the traceback once per exception type and innermost kit frame."""
        tb = traceback.extract_tb(err.__traceback__)
        kit = [f for f in tb if "/analysis/" in f.filename] or list(tb)
        where = f"{Path(kit[-1].filename).name}:{kit[-1].lineno}" if kit else "?"
        key = hashlib.sha1(f"{type(err).__name__} {where}".encode()).hexdigest()[:12]
        self.crashes.mkdir(exist_ok=True)
        stem = self.crashes / f"crash-{key}"
        if stem.with_suffix(".txt").exists():
            return
        stem.with_suffix(".bin").write_bytes(data)
        shown = data if self.input_limit is None else data[:self.input_limit]
        stem.with_suffix(".txt").write_text(
            f"{type(err).__name__} at {where}\n"
            f"target: {self.targets[data[0] % len(self.targets)]}\n"
            f"input: {shown!r}\n\n" + "".join(traceback.format_exception(err)),
            encoding="utf-8")
        sys.stderr.write(f"\nCRASH {type(err).__name__} at {where} -> {stem}.txt\n")

    def test_one_input(self, data: bytes) -> None:
        try:
            self.run_one(data)
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except BaseException as err:
            self.record(data, err)

    def main(self) -> None:
        """``--seeds`` writes the seed inputs; ``--replay FILE...`` runs saved inputs without
        atheris (exit 1 on a crash); anything else goes to atheris (libFuzzer's options)."""
        if "--seeds" in sys.argv:
            shutil.rmtree(self.seeds, ignore_errors=True)
            self.seeds.mkdir(parents=True)
            for name, content in self.seed_inputs().items():
                (self.seeds / name).write_bytes(content)
            return
        if "--replay" in sys.argv:
            failed = 0
            for file in sys.argv[sys.argv.index("--replay") + 1:]:
                try:
                    self.run_one(Path(file).read_bytes())
                except Exception:
                    failed += 1
                    traceback.print_exc()
            sys.exit(1 if failed else 0)
        import atheris

        with atheris.instrument_imports(include=list(self.instrument)):
            self.imports()
        atheris.Setup(sys.argv, self.test_one_input)
        atheris.Fuzz()
