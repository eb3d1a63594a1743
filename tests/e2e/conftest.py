import pytest
from e2erun import env_with_cache


@pytest.fixture
def netcheck_env(tmp_path):
    return env_with_cache(tmp_path / "cache")
