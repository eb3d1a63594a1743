import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))  # mixed_site, e2erun: the whole-site tests' server and command
sys.path.insert(0, str(HERE))  # rundir, killpoints


@pytest.fixture
def netcheck_env(tmp_path):
    from e2erun import env_with_cache

    return env_with_cache(tmp_path / "cache")
