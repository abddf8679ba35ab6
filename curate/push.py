"""`curate push`: a version folder, as it is, into a dataset repo on the Hugging Face Hub.

The folder already is what the Hub reads: parquet shards under `data/`, the card's README.md whose
`configs` point `load_dataset("OWNER/NAME")` at them, plots, the manifest and the dropped rows.
Push checks the files against the manifest, creates the repo when it does not exist, and makes
the repo (or the branch) hold exactly the folder in one commit: files an earlier push left that
this version lacks are deleted. The token is whatever `huggingface_hub` finds (HF_TOKEN, or
`hf auth login`); this module never reads, prints or writes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from curate.errors import CurateError
from curate.sources.hub import endpoint
from curate.store import CARD_FILES, Version


@dataclass
class Pushed:
    url: str  # of the dataset repo on the Hub
    commit: str
    files: int


def push(version: Version, repo_id: str, private: bool = False, revision: str | None = None) -> Pushed:
    """Upload `version`'s folder to the dataset repo `repo_id` (on `revision`, a branch, if given)."""
    import httpx
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    if repo_id.count("/") != 1 or not all(repo_id.split("/")):
        raise CurateError(f"--repo expects OWNER/NAME, got {repo_id!r}")
    version.verify()
    missing = [name for name in CARD_FILES if not (version.path / name).is_file()]
    if missing:
        raise CurateError(f"{version.ref} has no data card ({', '.join(missing)}); "
                          f"write it with `data-cards build {version.ref}` first")
    hub = endpoint()
    api = HfApi(endpoint=hub)
    what = f"pushing {version.ref} to {repo_id}" + (f"@{revision}" if revision else "")
    try:
        url = api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
        if private and not api.dataset_info(repo_id).private:
            raise CurateError(f"dataset {repo_id} exists and is public; --private does not change that: "
                              "make it private on the Hub first, or push to another repo")
        if revision:
            api.create_branch(repo_id, repo_type="dataset", branch=revision, exist_ok=True)
        commit = api.upload_folder(
            repo_id=repo_id, repo_type="dataset", folder_path=version.path, revision=revision,
            commit_message=f"{version.ref}, config {version.manifest['config_hash'][:12]} (curate push)",
            delete_patterns="*",  # the repo holds the version, not a mix with an earlier push
        )
    except HfHubHTTPError as e:
        raise CurateError(_explain(e, what, repo_id, hub)) from None
    except ValueError as e:  # huggingface_hub's own checks, such as the card's YAML
        raise CurateError(f"{what}: {e}") from None
    except (httpx.TransportError, OSError) as e:
        raise CurateError(f"{what}: cannot reach the Hub at {hub}: {type(e).__name__}: {e}") from None
    files = sum(1 for p in version.path.rglob("*") if p.is_file())
    return Pushed(str(url), commit.oid, files)


def _explain(error, what: str, repo_id: str, hub: str) -> str:
    """One line for an HTTP error from the Hub: what to do about it, never the token."""
    from huggingface_hub import get_token

    status = error.response.status_code if error.response is not None else None
    owner = repo_id.split("/")[0]
    if status == 401:
        if get_token() is None:
            return f"{what}: the Hub at {hub} needs a token: log in with `hf auth login` or set HF_TOKEN"
        return f"{what}: the Hub at {hub} refused the token (HTTP 401): log in again or set HF_TOKEN to a valid token"
    if status == 403:
        return (f"{what}: cannot create or write dataset {repo_id} (HTTP 403): the token has no write access to "
                f"{owner!r}; check the owner, or use a token that may write there")
    if status == 404:
        return (f"{what}: dataset {repo_id} not found at {hub} and not created: check the owner {owner!r} "
                "(a private repo of another account also reads as missing)")
    return f"{what}: the Hub at {hub} answered HTTP {status}"
