"""A local stand-in for the Hugging Face Hub: HTTP on 127.0.0.1, reached through HF_ENDPOINT.

It speaks the part of the Hub's protocol that `huggingface_hub` uses to read and write a dataset
repo, so the real client code runs end to end offline:
    GET  /api/datasets/OWNER/NAME[/revision/REV]         repo info: the commit sha a revision names
    GET  /api/datasets/OWNER/NAME/tree/REV[/PATH]         the files at a commit (?recursive=true)
    HEAD/GET /datasets/OWNER/NAME/resolve/REV/PATH        file bytes, with `Range` support
    POST /api/repos/create                                a new repo (with a .gitattributes commit)
    POST /api/validate-yaml                               a README's front matter: must parse
    POST /api/datasets/OWNER/NAME/branch/BRANCH           a new branch
    POST /api/datasets/OWNER/NAME/preupload/REV           upload mode per file: LFS for parquet and PNG
    POST /datasets/OWNER/NAME.git/info/lfs/objects/batch  LFS batch API ("basic" transfer) ...
    PUT  /lfs/SHA256                                      ... and the upload it points at
    POST /api/datasets/OWNER/NAME/commit/BRANCH           an NDJSON commit: files, LFS files, deletions
Unknown repos, revisions and files get the 404s and `X-Error-Code` headers the Hub sends, so the
client raises its usual errors. Writes need `Authorization: Bearer TOKEN` with a token of `tokens`
(token -> the namespaces it may write); a private repo is read only with such a token. Uploads go
through the LFS protocol, so clients must run with HF_HUB_DISABLE_XET=1 (Xet storage is not served).

Repos live in memory as commits of files. `faults` injects failures into matching requests
(a connection reset mid-body, an HTTP status such as 503 or 429, a slow response), and `log`
records every request, so a test can count what a build fetched.

Used by tests/conftest.py (the `hub` fixture) and by benchmarks.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

LFS_SUFFIXES = (".parquet", ".png")  # stored with LFS, as the Hub's default .gitattributes says
GITATTRIBUTES = b"*.parquet filter=lfs diff=lfs merge=lfs -text\n*.png filter=lfs diff=lfs merge=lfs -text\n"


@dataclass
class Repo:
    """A dataset repo: branches naming commits, each commit a full set of files."""

    repo_id: str
    card: dict = field(default_factory=dict)  # the README's YAML front matter (cardData)
    private: bool = False
    branches: dict[str, str] = field(default_factory=dict)
    commits: dict[str, dict[str, bytes]] = field(default_factory=dict)

    def commit(self, files: dict[str, bytes], branch: str = "main") -> str:
        """Store a commit of `files` on `branch`; returns its sha (a hash of the content, like git's)."""
        digest = hashlib.sha1()
        for path in sorted(files):
            digest.update(f"{path}\0{hashlib.sha256(files[path]).hexdigest()}\n".encode())
        sha = digest.hexdigest()
        self.commits[sha] = dict(files)
        self.branches[branch] = sha
        return sha

    def resolve(self, revision: str) -> str | None:
        if revision in self.commits:
            return revision
        return self.branches.get(revision)


@dataclass
class Fault:
    """Breaks up to `times` requests whose path contains `path` (and whose method is `method`),
    after letting the first `skip` of them through.

    kind "reset": send the headers and `after_bytes` of the body, then reset the connection;
    "status": answer `status` (with `retry_after` as the Retry-After header, if given);
    "slow": wait `delay_s` seconds, then answer normally.
    """

    kind: str
    path: str = ""
    method: str = "GET"
    times: int = 1  # -1: every matching request
    status: int = 503
    retry_after: str | None = None
    delay_s: float = 0.0
    after_bytes: int = 100
    skip: int = 0

    def take(self, method: str, path: str) -> bool:
        if self.times == 0 or method != self.method or self.path not in path:
            return False
        if self.skip:
            self.skip -= 1
            return False
        self.times -= 1 if self.times > 0 else 0
        return True


@dataclass
class Request:
    method: str
    path: str
    range: str | None
    status: int | None = None  # None: the connection was reset

    @property
    def byte_range(self) -> tuple[int, int] | None:
        """[start, end) asked for, or None for a whole-file or API request."""
        match = re.fullmatch(r"bytes=(\d+)-(\d+)", self.range or "")
        return (int(match[1]), int(match[2]) + 1) if match else None


class HubServer:
    """`with HubServer() as hub:` serves on 127.0.0.1 at `hub.url` until the block ends."""

    def __init__(self):
        self.repos: dict[str, Repo] = {}
        self.faults: list[Fault] = []
        self.log: list[Request] = []
        self.tokens: dict[str, tuple[str, ...]] = {}  # token -> namespaces it may write to
        self.lfs: dict[str, bytes] = {}  # uploaded LFS objects by sha256
        self.lock = threading.Lock()
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._http.daemon_threads = True
        self._http.hub = self
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host}:{port}"

    def add_dataset(self, repo_id: str, files: dict[str, bytes], card: dict | None = None) -> str:
        """Create (or add a commit to) a dataset repo; returns the commit sha of `main`."""
        repo = self.repos.setdefault(repo_id, Repo(repo_id, card or {}))
        return repo.commit(files)

    def downloads(self, path: str = "") -> list[Request]:
        """File requests (resolve URLs) whose path contains `path`."""
        with self.lock:
            return [r for r in self.log if "/resolve/" in r.path and path in r.path]

    def __enter__(self) -> HubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._http.shutdown()
        self._http.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the Hub serves it
    ROUTES = [
        ("POST", re.compile(r"/api/repos/create"), "_create"),
        ("POST", re.compile(r"/api/validate-yaml"), "_validate_yaml"),
        ("POST", re.compile(r"/api/datasets/(?P<repo>[^/]+/[^/]+)/branch/(?P<rev>[^/]+)"), "_branch"),
        ("POST", re.compile(r"/api/datasets/(?P<repo>[^/]+/[^/]+)/preupload/(?P<rev>[^/]+)"), "_preupload"),
        ("POST", re.compile(r"/datasets/(?P<repo>[^/]+/[^/]+)\.git/info/lfs/objects/batch"), "_lfs_batch"),
        ("PUT", re.compile(r"/lfs/(?P<oid>[0-9a-f]{64})"), "_lfs_put"),
        ("POST", re.compile(r"/api/datasets/(?P<repo>[^/]+/[^/]+)/commit/(?P<rev>[^/]+)"), "_commit"),
        ("GET", re.compile(r"/api/datasets/(?P<repo>[^/]+/[^/]+)(?:/revision/(?P<rev>[^/]+))?"), "_info"),
        ("GET", re.compile(r"/api/datasets/(?P<repo>[^/]+/[^/]+)/tree/(?P<rev>[^/]+)(?:/(?P<path>.+))?"), "_tree"),
        ("GET", re.compile(r"/datasets/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<path>.+)"), "_file"),
        ("HEAD", re.compile(r"/datasets/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<path>.+)"), "_file"),
    ]

    @property
    def hub(self) -> HubServer:
        return self.server.hub

    def log_message(self, *args) -> None:  # quiet: tests read `hub.log` instead
        pass

    def do_GET(self) -> None:
        self._route("GET")

    def do_HEAD(self) -> None:
        self._route("HEAD")

    def do_POST(self) -> None:
        self._route("POST")

    def do_PUT(self) -> None:
        self._route("PUT")

    def _route(self, method: str) -> None:
        self.body = self._read_body()  # all of it, first: an error answered early must not leave bytes behind
        url = urlsplit(self.path)
        entry = Request(method, url.path, self.headers.get("Range"))
        with self.hub.lock:
            self.hub.log.append(entry)
            fault = next((f for f in self.hub.faults if f.take(method, url.path)), None)
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay_s)
            fault = None
        for route_method, pattern, handler in self.ROUTES:
            match = pattern.fullmatch(url.path)
            if route_method == method and match:
                args = {k: unquote(v) if v else v for k, v in match.groupdict().items()}
                entry.status = getattr(self, handler)(fault=fault, query=parse_qs(url.query), **args)
                return
        entry.status = self._error(404, "RepoNotFound", "not found")

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))
        chunks = []
        while size := int(self.rfile.readline().split(b";")[0], 16):
            chunks.append(self.rfile.read(size))
            self.rfile.readline()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers
            pass
        return b"".join(chunks)

    def _namespaces(self) -> tuple[str, ...] | None:
        """Namespaces the request's token may write to; None without a known token."""
        auth = self.headers.get("Authorization", "")
        return self.hub.tokens.get(auth.removeprefix("Bearer ")) if auth.startswith("Bearer ") else None

    def _refuse_writer(self, namespace: str) -> int | None:
        """The status sent when the request may not write to `namespace`; None when it may."""
        if not self.headers.get("Authorization"):
            return self._error(401, None, "Invalid username or password.")
        namespaces = self._namespaces()
        if namespaces is None:
            return self._error(401, None, "Invalid credentials in Authorization header")
        if namespace not in namespaces:
            return self._error(403, None, f"You don't have the rights to write to {namespace}")
        return None

    def _repo(self, repo: str, rev: str | None) -> tuple[Repo | None, str | None, int | None]:
        """(repo, commit sha, None) or (None, None, status sent)."""
        found = self.hub.repos.get(repo)
        if found is not None and found.private and repo.split("/")[0] not in (self._namespaces() or ()):
            found = None  # the Hub does not say a private repo exists
        if found is None:
            return None, None, self._error(404, "RepoNotFound", f"Repository {repo} not found")
        sha = found.resolve(rev or "main")
        if sha is None:
            return None, None, self._error(404, "RevisionNotFound", f"Invalid rev id: {rev}")
        return found, sha, None

    def _info(self, repo: str, rev: str | None, fault: Fault | None, query: dict) -> int:
        if fault is not None:
            return self._fail(fault)
        found, sha, status = self._repo(repo, rev)
        if found is None:
            return status
        siblings = [{"rfilename": path} for path in sorted(found.commits[sha])]
        return self._json({"id": repo, "sha": sha, "private": found.private, "cardData": found.card,
                           "siblings": siblings})

    def _tree(self, repo: str, rev: str, path: str | None, fault: Fault | None, query: dict) -> int:
        if fault is not None:
            return self._fail(fault)
        found, sha, status = self._repo(repo, rev)
        if found is None:
            return status
        recursive = query.get("recursive", ["false"])[0].lower() == "true"
        prefix = f"{path.strip('/')}/" if path else ""
        entries, folders = [], set()
        for name, content in sorted(found.commits[sha].items()):
            if not name.startswith(prefix):
                continue
            rest = name[len(prefix):].split("/")
            for depth in range(1, len(rest)):
                folders.add(prefix + "/".join(rest[:depth]))
            if recursive or len(rest) == 1:
                entries.append(_file_entry(name, content))
        for folder in sorted(folders):
            if recursive or "/" not in folder[len(prefix):]:
                entries.append({"type": "directory", "oid": hashlib.sha1(folder.encode()).hexdigest(), "path": folder})
        return self._json(entries)

    def _file(self, repo: str, rev: str, path: str, fault: Fault | None, query: dict) -> int:
        if fault is not None and fault.kind == "status":
            return self._fail(fault)
        found, sha, status = self._repo(repo, rev)
        if found is None:
            return status
        content = found.commits[sha].get(path)
        if content is None:
            return self._error(404, "EntryNotFound", f"{path} does not exist at {rev}")
        start, end, code = 0, len(content), 200
        byte_range = Request("", "", self.headers.get("Range")).byte_range
        if byte_range is not None:
            start, end, code = byte_range[0], min(byte_range[1], len(content)), 206
        self.send_response(code)
        self.send_header("Content-Length", str(end - start))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", f'"{hashlib.sha256(content).hexdigest()}"')
        self.send_header("X-Repo-Commit", sha)
        if code == 206:
            self.send_header("Content-Range", f"bytes {start}-{end - 1}/{len(content)}")
        self.end_headers()
        if self.command == "HEAD":
            return code
        body = content[start:end]
        if fault is not None and fault.kind == "reset":
            self.wfile.write(body[: fault.after_bytes])
            self.wfile.flush()
            self._reset()
            return None
        self.wfile.write(body)
        return code

    def _create(self, fault: Fault | None, query: dict) -> int:
        request = json.loads(self.body)
        namespace = request.get("organization") or next(iter(self._namespaces() or ()), "")
        if request.get("type") != "dataset":
            return self._error(400, None, "this test Hub holds dataset repos only")
        if (refused := self._refuse_writer(namespace)) is not None:
            return refused
        repo_id = f"{namespace}/{request['name']}"
        url = f"{self.hub.url}/datasets/{repo_id}"
        if repo_id in self.hub.repos:  # the client reads `url` from the conflict too
            message = "You already created this dataset repo"
            return self._send(409, json.dumps({"error": message, "url": url}).encode(), {"X-Error-Message": message})
        repo = Repo(repo_id, private=bool(request.get("private")) or request.get("visibility") == "private")
        repo.commit({".gitattributes": GITATTRIBUTES})
        self.hub.repos[repo_id] = repo
        return self._json({"url": url, "name": repo_id})

    def _validate_yaml(self, fault: Fault | None, query: dict) -> int:
        content = json.loads(self.body)["content"]
        front = re.match(r"---\n(.*?)\n---\n", content, re.S)
        try:
            yaml.safe_load(front[1] if front else "")
        except yaml.YAMLError as e:
            body = json.dumps({"errors": [{"message": str(e)}], "warnings": []}).encode()
            return self._send(400, body)
        return self._json({"errors": [], "warnings": []})

    def _writable(self, repo: str) -> tuple[Repo | None, int | None]:
        """(repo, None) when the request may write to it, else (None, status sent)."""
        found, _, status = self._repo(repo, None)
        if found is None:
            return None, status
        refused = self._refuse_writer(repo.split("/")[0])
        return (None, refused) if refused is not None else (found, None)

    def _branch(self, repo: str, rev: str, fault: Fault | None, query: dict) -> int:
        found, status = self._writable(repo)
        if found is None:
            return status
        if rev in found.branches:
            return self._error(409, None, "Reference already exists")
        start = found.resolve(json.loads(self.body or b"{}").get("startingPoint") or "main")
        if start is None:
            return self._error(404, "RevisionNotFound", "Invalid starting point")
        found.branches[rev] = start
        return self._json({})

    def _preupload(self, repo: str, rev: str, fault: Fault | None, query: dict) -> int:
        found, status = self._writable(repo)
        if found is None:
            return status
        files = json.loads(self.body)["files"]
        return self._json({"files": [{"path": f["path"], "shouldIgnore": False,
                                      "uploadMode": "lfs" if f["path"].endswith(LFS_SUFFIXES) else "regular"}
                                     for f in files]})

    def _lfs_batch(self, repo: str, fault: Fault | None, query: dict) -> int:
        found, status = self._writable(repo)
        if found is None:
            return status
        objects = []
        for obj in json.loads(self.body)["objects"]:
            entry = {"oid": obj["oid"], "size": obj["size"]}
            if obj["oid"] not in self.hub.lfs:  # an object the Hub holds needs no upload
                entry["actions"] = {"upload": {"href": f"{self.hub.url}/lfs/{obj['oid']}"}}
            objects.append(entry)
        return self._json({"transfer": "basic", "objects": objects})

    def _lfs_put(self, oid: str, fault: Fault | None, query: dict) -> int:
        if hashlib.sha256(self.body).hexdigest() != oid:
            return self._error(400, None, "content does not match its sha256")
        self.hub.lfs[oid] = self.body
        return self._json({})

    def _commit(self, repo: str, rev: str, fault: Fault | None, query: dict) -> int:
        found, status = self._writable(repo)
        if found is None:
            return status
        if rev not in found.branches:
            return self._error(404, "RevisionNotFound", f"Invalid rev id: {rev}")
        files = dict(found.commits[found.branches[rev]])
        for line in self.body.splitlines():
            operation = json.loads(line)
            key, value = operation["key"], operation["value"]
            if key == "file":
                files[value["path"]] = base64.b64decode(value["content"])
            elif key == "lfsFile":
                if value["oid"] not in self.hub.lfs:
                    return self._error(422, None, f"LFS object {value['oid']} was never uploaded")
                files[value["path"]] = self.hub.lfs[value["oid"]]
            elif key == "deletedFile":
                files.pop(value["path"], None)
            elif key == "deletedFolder":
                files = {path: data for path, data in files.items() if not path.startswith(value["path"].rstrip("/") + "/")}
        sha = found.commit(files, rev)
        return self._json({"commitUrl": f"{self.hub.url}/datasets/{repo}/commit/{sha}", "commitOid": sha,
                           "pullRequestUrl": None})

    def _fail(self, fault: Fault) -> int | None:
        if fault.kind == "reset":
            self._reset()
            return None
        headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
        return self._error(fault.status, None, HTTPStatus(fault.status).phrase, headers)

    def _reset(self) -> None:
        """Close with a TCP reset, as a dropped connection looks to the client."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _json(self, value) -> int:
        return self._send(200, json.dumps(value).encode())

    def _send(self, status: int, body: bytes, headers: dict | None = None) -> int:
        self.send_response(status)
        for key, value in (headers or {}).items():
            if value is not None:
                self.send_header(key, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":  # a HEAD answer has headers only, or the next response is garbled
            self.wfile.write(body)
        return status

    def _error(self, status: int, code: str | None, message: str, headers: dict | None = None) -> int:
        return self._send(status, json.dumps({"error": message}).encode(),
                          {"X-Error-Code": code, "X-Error-Message": message, **(headers or {})})


def _file_entry(path: str, content: bytes) -> dict:
    blob = hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()
    entry = {"type": "file", "oid": blob, "size": len(content), "path": path}
    if path.endswith(LFS_SUFFIXES):  # stored with LFS on the Hub: size and sha256 of the content
        entry["lfs"] = {"oid": hashlib.sha256(content).hexdigest(), "size": len(content), "pointerSize": 134}
    return entry
