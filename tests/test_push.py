"""`curate push` against the local Hub: what arrives is the version folder, and `load_dataset` opens it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from curate.cli import main
from curate.store import Store

TOKEN = "hf_test_writer_token"
REPO = "test-user/writing-summary"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """The sample built once, card included."""
    root = tmp_path_factory.mktemp("store")
    assert main(["build", "--topics", "writing,summary", "--source", "sample", "--store", str(root), "--quiet"]) == 0
    return root


@pytest.fixture
def writer(hub, monkeypatch, tmp_path):
    """The local Hub knowing TOKEN (which may write to test-user), and the client set up as a user would be."""
    from huggingface_hub import constants

    hub.tokens[TOKEN] = ("test-user",)
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_XET", True)  # the local Hub speaks LFS, not Xet
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", str(tmp_path / "no-stored-token"))
    return hub


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _repo_files(hub, repo: str = REPO, branch: str = "main") -> dict[str, bytes]:
    repo = hub.repos[repo]
    return {k: v for k, v in repo.commits[repo.branches[branch]].items() if k != ".gitattributes"}


def _push(store: Path, *flags: str) -> int:
    return main(["push", "writing-summary@v1", "--store", str(store), *flags])


def test_push_uploads_the_version_byte_for_byte(writer, store, capsys):
    assert _push(store, "--repo", REPO) == 0
    version = Store(store).resolve("writing-summary@v1")
    sent = _files(version.path)
    assert {"manifest.json", "README.md", "card.json", "dropped/dropped.parquet"} <= set(sent)
    assert any(name.startswith("data/") for name in sent) and any(name.startswith("plots/") for name in sent)
    assert _repo_files(writer) == sent
    out = capsys.readouterr().out
    assert f"pushed writing-summary@v1 to {writer.url}/datasets/{REPO}" in out and f"{len(sent)} files" in out
    assert TOKEN not in out  # nor anywhere in the store:
    assert not any(TOKEN.encode() in data for data in _files(store).values())
    assert "private" not in json.dumps(writer.repos[REPO].card) and not writer.repos[REPO].private


def test_load_dataset_opens_the_pushed_repo(writer, store, tmp_path):
    """In a fresh process, as a user would: datasets reads the card's `configs` and only the shards."""
    assert _push(store, "--repo", REPO, "--private") == 0
    assert writer.repos[REPO].private
    script = (f"import json, datasets; ds = datasets.load_dataset({REPO!r}, split='train'); "
              "print(json.dumps({'rows': ds.num_rows, 'columns': ds.column_names, 'first': ds[0]['id']}))")
    env = {**os.environ, "HF_ENDPOINT": writer.url, "HF_HOME": str(tmp_path / "hf"), "HF_TOKEN": TOKEN,
           "HF_HUB_DISABLE_XET": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    loaded = json.loads(run.stdout.strip().splitlines()[-1])
    kept = Store(store).resolve("writing-summary@v1").read()
    assert loaded == {"rows": kept.height, "columns": kept.columns, "first": kept["id"][0]}


def test_a_push_replaces_what_was_there_and_can_go_to_a_branch(writer, store):
    assert _push(store, "--repo", REPO) == 0
    repo = writer.repos[REPO]
    repo.commit({**repo.commits[repo.branches["main"]], "data/train-00000-of-00009.parquet": b"stale"})
    assert _push(store, "--repo", REPO) == 0
    sent = _files(Store(store).resolve("writing-summary@v1").path)
    assert _repo_files(writer) == sent  # the stale shard is gone
    assert _push(store, "--repo", REPO, "--revision", "v1") == 0
    assert _repo_files(writer, branch="v1") == sent and set(repo.branches) == {"main", "v1"}


@pytest.mark.parametrize("token, repo, message", [
    (None, REPO, "needs a token: log in with `hf auth login` or set HF_TOKEN"),
    ("hf_wrong", REPO, "refused the token (HTTP 401)"),
    (TOKEN, "someone-else/missing", "cannot create or write dataset someone-else/missing"),
    (TOKEN, "no-slash", "--repo expects OWNER/NAME"),
])
def test_auth_failures_and_missing_repos_are_one_clear_line(writer, store, capsys, monkeypatch, token, repo, message):
    if token is None:
        monkeypatch.delenv("HF_TOKEN")
    else:
        monkeypatch.setenv("HF_TOKEN", token)
    assert _push(store, "--repo", repo) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and message in err, err
    assert "Traceback" not in err and TOKEN not in err
    assert "someone-else/missing" not in writer.repos


def test_private_refuses_a_public_repo(writer, store, capsys):
    assert _push(store, "--repo", REPO) == 0
    commits = dict(writer.repos[REPO].commits)
    assert _push(store, "--repo", REPO, "--private") == 2
    assert "exists and is public" in capsys.readouterr().err
    assert writer.repos[REPO].commits == commits  # nothing was uploaded
