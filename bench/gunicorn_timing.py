"""gunicorn.conf.py, and per-transaction timings in each worker (bench/timing.py).

Used by `python -m bench.http_bench --timing`; the records go to BENCH_TIMING_DIR.
"""

import os
import runpy
from pathlib import Path

_settings = runpy.run_path(str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py"))
globals().update({k: v for k, v in _settings.items() if not k.startswith("_")})


def post_worker_init(_worker) -> None:
    from bench import timing

    timing.install(os.environ["BENCH_TIMING_DIR"])
