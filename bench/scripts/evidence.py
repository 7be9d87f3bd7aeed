#!/usr/bin/env python3
"""Issue 16 upload bench: USERS concurrent users each upload a SIZE_MB file to one target and download it again (round trip
checked by SHA-256), against a running app; the server's peak RSS (VmHWM of /proc/<pid>/status) before and after is recorded.

    python3 bench/scripts/evidence.py --url http://127.0.0.1:5090 --pid <server pid> --target <open target id> \
        [--user yizhong] [--password Jixiao@2026] [--users 8] [--size-mb 20] [--rounds 3]

The target must be one the user may attach to (a draft or returned target of the user's unit). Appends to
bench/results/evidence.txt. VmHWM is the process's high-water mark since it started: start the app fresh for a clean reading.
With --raw-postgres "host=… dbname=…" the same is done on PostgreSQL through psql's binary COPY in and out.
With --raw-sqlite SCRATCH.db the same users write the same content as 1 MiB rows into a scratch SQLite file and read it back
with plain SQL (Python's sqlite3, one connection each, no HTTP), in the same run: the baseline the app's times are a ratio to.
"""
import argparse, hashlib, json, os, sqlite3, sys, threading, time, urllib.request, uuid
from datetime import datetime, timezone

def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])  # KiB
    return None

def token(url, user, password):
    body = json.dumps({"userName": user, "password": password, "name": "evidence-bench-" + uuid.uuid4().hex[:6]}).encode()
    req = urllib.request.Request(url + "/api/auth/tokens", body, {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))["token"]

def upload(url, tok, target, name, content):
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    body = head + content + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(f"{url}/api/evidence/targets/{target}", body,
                                 {"Authorization": "Bearer " + tok, "Content-Type": f"multipart/form-data; boundary={boundary}"})
    return json.load(urllib.request.urlopen(req, timeout=600))

def download(url, tok, file_id):
    req = urllib.request.Request(f"{url}/api/evidence/files/{file_id}", headers={"Authorization": "Bearer " + tok})
    digest, size = hashlib.sha256(), 0
    with urllib.request.urlopen(req, timeout=600) as response:
        while chunk := response.read(1 << 16):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size

CHUNK = 1024 * 1024

def raw_sqlite(path, users, rounds, content):
    """Raw SQL round trips: insert the content in 1 MiB rows in one transaction, select them back in order (per user, concurrently)."""
    if os.path.exists(path): os.remove(path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE chunks (file INTEGER, idx INTEGER, bytes BLOB, PRIMARY KEY (file, idx))")
    times = []

    def user(i):
        db = sqlite3.connect(path, timeout=600, isolation_level=None)
        for r in range(rounds):
            file = i * 1000 + r
            t0 = time.perf_counter()
            db.execute("BEGIN IMMEDIATE")
            for k in range(0, len(content), CHUNK):
                db.execute("INSERT INTO chunks VALUES (?, ?, ?)", (file, k // CHUNK, content[k:k + CHUNK]))
            db.execute("COMMIT")
            t1 = time.perf_counter()
            digest = hashlib.sha256()
            for (b,) in db.execute("SELECT bytes FROM chunks WHERE file = ? ORDER BY idx", (file,)):
                digest.update(b)
            times.append((t1 - t0, time.perf_counter() - t1))
        db.close()

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for t in threads: t.start()
    for t in threads: t.join()
    os.remove(path)
    return sorted(t[0] for t in times), sorted(t[1] for t in times)

def raw_postgres(conninfo, users, rounds, content):
    """The same round trips with plain SQL on PostgreSQL through psql: the content as 1 MiB rows in one binary COPY (one
    transaction), then read back in order with a binary COPY out, per user, concurrently (no driver is installed here; COPY
    binary carries the bytes as they are, as the app's Npgsql does)."""
    import struct, subprocess
    psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", conninfo]
    subprocess.run(psql + ["-c", "DROP TABLE IF EXISTS bench_chunks; CREATE TABLE bench_chunks (file int, idx int, bytes bytea, PRIMARY KEY (file, idx))"],
                   check=True)
    times = []

    def user(i):
        for r in range(rounds):
            file = i * 1000 + r
            body = [b"PGCOPY\n\xff\r\n\x00", struct.pack("!ii", 0, 0)]
            for k in range(0, len(content), CHUNK):
                part = content[k:k + CHUNK]
                body += [struct.pack("!hii", 3, 4, file), struct.pack("!ii", 4, k // CHUNK), struct.pack("!i", len(part)), part]
            body.append(struct.pack("!h", -1))
            t0 = time.perf_counter()
            subprocess.run(psql + ["-c", "COPY bench_chunks FROM STDIN (FORMAT binary)"], input=b"".join(body), check=True)
            t1 = time.perf_counter()
            out = subprocess.run(psql + ["-c", f"COPY (SELECT bytes FROM bench_chunks WHERE file = {file} ORDER BY idx) TO STDOUT (FORMAT binary)"],
                                 capture_output=True, check=True).stdout
            digest, pos = hashlib.sha256(), 19
            while struct.unpack_from("!h", out, pos)[0] == 1:
                size = struct.unpack_from("!i", out, pos + 2)[0]
                digest.update(out[pos + 6:pos + 6 + size])
                pos += 6 + size
            times.append((t1 - t0, time.perf_counter() - t1))
            if digest.hexdigest() != hashlib.sha256(content).hexdigest():
                raise SystemExit(f"raw PostgreSQL round trip {file}: sha mismatch")

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for t in threads: t.start()
    for t in threads: t.join()
    subprocess.run(psql + ["-c", "DROP TABLE bench_chunks"], check=True)
    return sorted(t[0] for t in times), sorted(t[1] for t in times)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True); p.add_argument("--pid", type=int, required=True); p.add_argument("--target", type=int, required=True)
    p.add_argument("--user", default="yizhong"); p.add_argument("--password", default="Jixiao@2026")
    p.add_argument("--users", type=int, default=8); p.add_argument("--size-mb", type=int, default=20); p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--raw-sqlite", help="scratch SQLite file for the raw-SQL baseline (deleted afterwards)")
    p.add_argument("--raw-postgres", help="psql connection string of a scratch database for the raw-SQL baseline on PostgreSQL")
    a = p.parse_args()
    tok = token(a.url, a.user, a.password)
    content = b"%PDF-1.7\n" + os.urandom(a.size_mb * 1024 * 1024 - 9)
    sha = hashlib.sha256(content).hexdigest()
    before = status(a.pid, "VmHWM")
    times, errors = [], []

    def user(i):
        for r in range(a.rounds):
            try:
                t0 = time.perf_counter()
                item = upload(a.url, tok, a.target, f"bench-{i}-{r}.pdf", content)
                t1 = time.perf_counter()
                got, size = download(a.url, tok, item["id"])
                t2 = time.perf_counter()
                if got != sha or size != len(content) or item["sha256"] != sha:
                    errors.append(f"user {i} round {r}: sha mismatch")
                times.append((t1 - t0, t2 - t1))
            except Exception as e:  # noqa: BLE001 — every failure is reported
                errors.append(f"user {i} round {r}: {e}")

    threads = [threading.Thread(target=user, args=(i,)) for i in range(a.users)]
    start = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    wall = time.perf_counter() - start
    after, rss = status(a.pid, "VmHWM"), status(a.pid, "VmRSS")
    ups, downs = sorted(t[0] for t in times), sorted(t[1] for t in times)
    pick = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")
    lines = [
        f"== evidence {datetime.now(timezone.utc):%Y-%m-%dT%H:%M:%SZ} url={a.url} users={a.users} size={a.size_mb} MB rounds={a.rounds} "
        f"load {open('/proc/loadavg').read().split()[:3]} cores={os.cpu_count()}",
        f"round trips ok {len(times) - sum('mismatch' in e for e in errors)}/{a.users * a.rounds}, errors {len(errors)}, wall {wall:.1f} s, "
        f"{2 * a.size_mb * len(times) / wall:.1f} MB/s",
        f"upload   p50 {pick(ups, .5):.2f} s  p95 {pick(ups, .95):.2f} s   download p50 {pick(downs, .5):.2f} s  p95 {pick(downs, .95):.2f} s",
        f"server VmHWM before {before / 1024:.0f} MiB, after {after / 1024:.0f} MiB (peak RSS), VmRSS now {rss / 1024:.0f} MiB",
    ]
    if a.raw_sqlite or a.raw_postgres:
        raw_ups, raw_downs = (raw_sqlite(a.raw_sqlite, a.users, a.rounds, content) if a.raw_sqlite
                              else raw_postgres(a.raw_postgres, a.users, a.rounds, content))
        lines.append(f"raw SQL  upload p50 {pick(raw_ups, .5):.2f} s  p95 {pick(raw_ups, .95):.2f} s   download p50 {pick(raw_downs, .5):.2f} s  "
                     f"p95 {pick(raw_downs, .95):.2f} s")
        lines.append(f"ratio app/raw (p50): upload ×{pick(ups, .5) / pick(raw_ups, .5):.1f}, download ×{pick(downs, .5) / pick(raw_downs, .5):.1f}")
    lines += errors[:10]
    print("\n".join(lines))
    out = os.path.join(os.path.dirname(__file__), "..", "results", "evidence.txt")
    with open(out, "a") as f: f.write("\n".join(lines) + "\n")
    sys.exit(1 if errors else 0)

if __name__ == "__main__":
    main()
