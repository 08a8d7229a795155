"""Finding removable drives (이동식디스크) — docs/storage-security.md "Finding removable drives".

- Windows: psutil `opts` contains `removable` (a card reader without a card has an empty fstype:
  skipped, and `disk_usage()` is never called on it); drives the user marked as removable count too
  (USB hard disks report `fixed`).
- Linux: the sysfs walk `lsblk` uses for HOTPLUG: `/sys/class/block/<dev>/removable` is 1 (on the
  partition or its disk), or a device up the chain has subsystem usb/mmc/ieee1394/pcmcia. Loop and
  squashfs (snap) mounts are not drives.
- macOS: volumes under `/Volumes` that are not the boot volume and not disk images.
- `DOJANG_FAKE_REMOVABLE`: folders (separated by `os.pathsep`) that are treated as removable drives
  — for tests, demos and people without a stick at hand. A listed folder that does not exist is a
  drive that is not plugged in.

Everything is injectable through `DiscoveryConfig` so tests need no hardware. psutil failures (odd
code pages, permission errors) are logged and yield no drives instead of an error.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

log = logging.getLogger(__name__)

FAKE_ENV = "DOJANG_FAKE_REMOVABLE"
HOTPLUG_SUBSYSTEMS = {"usb", "mmc", "ieee1394", "pcmcia"}
NOT_DRIVES_FSTYPES = {"squashfs", "iso9660", "udf", "tmpfs", "devtmpfs", "overlay", "proc", "sysfs",
                      "autofs", "fuse.snapfuse", "nsfs", "cgroup", "cgroup2"}


@dataclass(frozen=True)
class Drive:
    """A mounted removable medium."""
    mount: Path
    drive_id: str         # stable: device + volume serial/UUID where available
    label: str
    device: str = ""
    fstype: str = ""


@dataclass
class DiscoveryConfig:
    """Seams for tests: the partition table, sysfs, and per-OS probes."""
    platform: str = field(default_factory=lambda: sys.platform)
    partitions: Callable[[], Iterable[Any]] | None = None   # default: psutil.disk_partitions(all=False)
    sysfs: Path = Path("/sys")
    dev_disk: Path = Path("/dev/disk")
    volumes: Path = Path("/Volumes")
    marked_removable: Iterable[str] = ()                     # Windows: user-marked drive roots
    windows_volume_info: Callable[[str], tuple[str, str]] | None = None   # root -> (label, serial)
    mac_volume_info: Callable[[str], dict] | None = None     # mount -> diskutil-style info
    env: dict[str, str] | None = None
    include_real: bool = True


def _default_partitions() -> list[Any]:
    if sys.platform.startswith("linux"):
        try:
            parts = linux_partitions()
            if parts is not None:
                return parts
        except (OSError, ValueError):
            pass
    import psutil
    return psutil.disk_partitions(all=False)


@dataclass(frozen=True)
class Partition:
    """One mounted file system, as psutil.disk_partitions gives it."""
    device: str
    mountpoint: str
    fstype: str
    opts: str


_MOUNT_ESCAPES = {b"\\040": b" ", b"\\011": b"\t", b"\\012": b"\n", b"\\134": b"\\", b"\\\\": b"\\"}


def _mount_field(raw: bytes) -> str:
    # getmntent(3)'s decoding, left to right: these five escapes only, anything else kept as it is
    if b"\\" in raw:
        import re
        raw = re.sub(rb"\\(?:040|011|012|134|\\)", lambda m: _MOUNT_ESCAPES[m.group()], raw)
    return os.fsdecode(raw)


def linux_partitions(proc: str = "/proc") -> list[Partition] | None:
    """psutil.disk_partitions(all=False) on Linux, read directly: importing psutil is about 10 ms of
    every `dojang list`. The same rules: mounts from /etc/mtab when it is a file (usually a link to
    /proc/self/mounts), else /proc/self/mounts; "none" devices count as none; only file systems
    /proc/filesystems lists without "nodev" (and zfs). None when a root device is named only
    "/dev/root" or "rootfs": psutil's search for the real device is used then."""
    fstypes = set()
    with open(f"{proc}/filesystems", "rb") as fh:
        for line in fh.read().decode("ascii", "replace").splitlines():
            line = line.strip()
            if not line.startswith("nodev"):
                fstypes.add(line)
            elif line.split("\t")[1:2] == ["zfs"]:
                fstypes.add("zfs")
    mounts = os.path.realpath("/etc/mtab") if proc == "/proc" and os.path.isfile("/etc/mtab") \
        else os.path.realpath(f"{proc}/self/mounts")
    with open(mounts, "rb") as fh:
        data = fh.read()
    out = []
    for line in data.split(b"\n"):
        fields = [f for f in line.replace(b"\t", b" ").split(b" ") if f]
        if not fields or fields[0].startswith(b"#"):
            continue
        fields += [b""] * (4 - len(fields))
        device, mountpoint, fstype, opts = (_mount_field(f) for f in fields[:4])
        if device == "none":
            device = ""
        if device in ("/dev/root", "rootfs"):
            return None
        if not device or fstype not in fstypes:
            continue
        out.append(Partition(device, mountpoint, fstype, opts))
    return out


def _fake_drives(env: dict[str, str]) -> list[Drive]:
    value = env.get(FAKE_ENV, "")
    drives = []
    for part in value.split(os.pathsep):
        part = part.strip()
        if not part:
            continue
        path = Path(part)
        if path.is_dir():
            ident = "fake:" + os.path.abspath(path)
            drives.append(Drive(path, ident, path.name or str(path), device="fake", fstype="fake"))
    return drives


# --- Linux ---------------------------------------------------------------------------------------

def _read_text(path: Path) -> str | None:
    try:
        with open(path, "r", encoding="ascii", errors="replace") as fh:
            return fh.read(64).strip()
    except OSError:
        return None


def linux_is_hotplug(dev_name: str, sysfs: Path) -> bool:
    """lsblk's HOTPLUG: `removable` set, or a usb/mmc/ieee1394/pcmcia device up the sysfs chain."""
    node = sysfs / "class" / "block" / dev_name
    try:
        real = Path(os.path.realpath(node))
    except OSError:
        return False
    if not real.exists():
        return False
    # the partition itself and its disk
    for candidate in (real, real.parent):
        if _read_text(candidate / "removable") == "1":
            return True
    devices_root = Path(os.path.realpath(sysfs / "devices"))
    probe = real
    for _ in range(32):  # the chain is short; the cap guards against odd link loops
        sub = probe / "subsystem"
        if os.path.lexists(sub):
            try:
                if Path(os.path.realpath(sub)).name in HOTPLUG_SUBSYSTEMS:
                    return True
            except OSError:
                pass
        if probe == devices_root or probe.parent == probe:
            break
        probe = probe.parent
    return False


def _linux_uuid(device: str, dev_disk: Path) -> str | None:
    by_uuid = dev_disk / "by-uuid"
    try:
        target = os.path.realpath(device)
        for e in os.scandir(by_uuid):
            if os.path.realpath(e.path) == target:
                return e.name
    except OSError:
        return None
    return None


def _linux_drives(parts: Iterable[Any], cfg: DiscoveryConfig) -> list[Drive]:
    drives = []
    for p in parts:
        device, mount, fstype = getattr(p, "device", ""), getattr(p, "mountpoint", ""), getattr(p, "fstype", "")
        if not device.startswith("/dev/") or fstype in NOT_DRIVES_FSTYPES:
            continue
        try:
            dev_name = os.path.basename(os.path.realpath(device))
        except OSError:
            continue
        if dev_name.startswith(("loop", "ram", "zram", "dm-", "sr")):
            continue
        if not linux_is_hotplug(dev_name, cfg.sysfs):
            continue
        uuid = _linux_uuid(device, cfg.dev_disk)
        ident = f"{dev_name}:{uuid}" if uuid else f"{dev_name}:{mount}"
        drives.append(Drive(Path(mount), ident, Path(mount).name or mount, device, fstype))
    return drives


# --- Windows -------------------------------------------------------------------------------------

def _windows_volume_info(root: str) -> tuple[str, str]:
    """(label, serial) through GetVolumeInformationW; ('', '') when unavailable."""
    try:
        import ctypes
        label = ctypes.create_unicode_buffer(261)
        fs = ctypes.create_unicode_buffer(261)
        serial = ctypes.c_uint32()
        # SetErrorMode(SEM_FAILCRITICALERRORS) keeps Windows from popping "insert a disk" dialogs
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        old = kernel32.SetErrorMode(1)
        try:
            ok = kernel32.GetVolumeInformationW(ctypes.c_wchar_p(root), label, 261, ctypes.byref(serial),
                                                None, None, fs, 261)
        finally:
            kernel32.SetErrorMode(old)
        return (label.value, f"{serial.value:08X}") if ok else ("", "")
    except Exception:  # noqa: BLE001
        return "", ""


def _windows_drives(parts: Iterable[Any], cfg: DiscoveryConfig) -> list[Drive]:
    marked = {m.rstrip("\\/").upper() for m in cfg.marked_removable}
    info = cfg.windows_volume_info or _windows_volume_info
    drives = []
    for p in parts:
        opts = (getattr(p, "opts", "") or "").lower().split(",")
        mount, fstype = getattr(p, "mountpoint", ""), getattr(p, "fstype", "")
        is_marked = mount.rstrip("\\/").upper() in marked
        if "removable" not in opts and not is_marked:
            continue
        if not fstype:  # a card reader with no card: not ready, never touch it
            continue
        label, serial = info(mount)
        ident = f"{mount.rstrip(chr(92)).upper()}:{serial or fstype}"
        name = f"{label} ({mount.rstrip(chr(92))})" if label else mount
        drives.append(Drive(Path(mount), ident, name, getattr(p, "device", ""), fstype))
    return drives


# --- macOS ---------------------------------------------------------------------------------------

_mac_cache: dict[str, dict] = {}


def _mac_volume_info(mount: str) -> dict:
    """A few `diskutil info -plist` fields, cached per mount (the call is slow for polling)."""
    if mount in _mac_cache:
        return _mac_cache[mount]
    info: dict = {}
    try:
        import plistlib
        import subprocess     # macOS only: not loaded by every listing
        out = subprocess.run(["diskutil", "info", "-plist", mount], capture_output=True, timeout=5,
                             check=False).stdout
        data = plistlib.loads(out) if out else {}
        info = {k: data.get(k) for k in ("VolumeUUID", "VolumeName", "DeviceProtocol", "BusProtocol",
                                          "Internal", "RemovableMedia", "Ejectable")}
    except Exception:  # noqa: BLE001
        info = {}
    _mac_cache[mount] = info
    return info


def _mac_drives(parts: Iterable[Any], cfg: DiscoveryConfig) -> list[Drive]:
    info_fn = cfg.mac_volume_info or _mac_volume_info
    volumes = str(cfg.volumes).rstrip("/") + "/"
    drives = []
    for p in parts:
        mount, device, fstype = getattr(p, "mountpoint", ""), getattr(p, "device", ""), getattr(p, "fstype", "")
        if not mount.startswith(volumes) or mount == "/":
            continue
        info = info_fn(mount)
        protocol = (info.get("DeviceProtocol") or info.get("BusProtocol") or "")
        if protocol == "Disk Image":
            continue
        if info.get("Internal") is True and not info.get("Ejectable") and not info.get("RemovableMedia"):
            continue
        uuid = info.get("VolumeUUID") or ""
        ident = f"{device}:{uuid or mount}"
        drives.append(Drive(Path(mount), ident, info.get("VolumeName") or Path(mount).name, device, fstype))
    return drives


# --- entry point ---------------------------------------------------------------------------------

def discover_removable(cfg: DiscoveryConfig | None = None) -> list[Drive]:
    """Mounted removable drives plus the fake ones from DOJANG_FAKE_REMOVABLE. Never raises."""
    cfg = cfg or DiscoveryConfig()
    env = cfg.env if cfg.env is not None else dict(os.environ)
    drives = _fake_drives(env)
    if cfg.include_real:
        try:
            parts = list((cfg.partitions or _default_partitions)())
        except Exception as exc:  # noqa: BLE001 - psutil on odd systems (code pages, permissions)
            log.warning("listing partitions failed (%s); no removable drives shown", type(exc).__name__)
            parts = []
        try:
            if cfg.platform == "win32":
                drives += _windows_drives(parts, cfg)
            elif cfg.platform == "darwin":
                drives += _mac_drives(parts, cfg)
            elif cfg.platform.startswith("linux"):
                drives += _linux_drives(parts, cfg)
        except Exception as exc:  # noqa: BLE001 - a probe failing must not take the list down
            log.warning("removable-drive probe failed (%s)", type(exc).__name__)
    seen, unique = set(), []
    for d in drives:
        if d.drive_id not in seen:
            seen.add(d.drive_id)
            unique.append(d)
    return unique


def drive_fingerprint(drives: Iterable[Drive]) -> frozenset[str]:
    return frozenset(d.drive_id for d in drives)


def stable_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:8]
