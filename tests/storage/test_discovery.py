"""Removable-drive discovery (fake partition tables and sysfs) and the hot-plug watcher."""
from __future__ import annotations

import os
import threading
import time
from collections import namedtuple
from pathlib import Path

import pytest

from core.storage import registry
from core.storage.discovery import DiscoveryConfig, Drive, discover_removable, linux_is_hotplug
from core.storage.watcher import DriveWatcher

Part = namedtuple("Part", "device mountpoint fstype opts")


def _fake_sysfs(tmp_path: Path) -> Path:
    """A miniature /sys: sdb (USB stick), mmcblk0 (SD card), sda (SATA disk), nvme0n1."""
    sys_root = tmp_path / "sys"
    devices = sys_root / "devices"
    (sys_root / "class" / "block").mkdir(parents=True)
    (sys_root / "bus").mkdir()
    for bus in ("usb", "mmc", "pci", "scsi"):
        (sys_root / "bus" / bus).mkdir()

    def disk(chain: list[tuple[str, str | None]], name: str, removable: str, parts: list[str]):
        node = devices
        for part, subsystem in chain:
            node = node / part
            node.mkdir(parents=True, exist_ok=True)
            if subsystem:
                sub = node / "subsystem"
                if not os.path.lexists(sub):
                    os.symlink(sys_root / "bus" / subsystem, sub)
        d = node / "block" / name
        d.mkdir(parents=True)
        (d / "removable").write_text(removable + "\n")
        os.symlink(d, sys_root / "class" / "block" / name)
        for p in parts:
            (d / p).mkdir()
            os.symlink(d / p, sys_root / "class" / "block" / p)

    # a USB stick whose 'removable' flag is 0 (many are): found through the usb subsystem
    disk([("pci0000:00", None), ("0000:00:14.0", "pci"), ("usb2", "usb"), ("2-1", "usb"), ("host6", "scsi")],
         "sdb", "0", ["sdb1"])
    disk([("platform", None), ("mmc_host", None), ("mmc0", None), ("mmc0:0001", "mmc")], "mmcblk0", "0", ["mmcblk0p1"])
    disk([("pci0000:00", None), ("0000:00:17.0", "pci"), ("ata1", None), ("host0", "scsi")], "sda", "0", ["sda1"])
    disk([("pci0000:00", None), ("0000:00:1d.0", "pci"), ("nvme", None)], "nvme0n1", "0", ["nvme0n1p1"])
    disk([("virtual", None)], "sdc", "1", ["sdc1"])  # flagged removable directly (card reader)
    return sys_root


def _fake_dev(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    dev = tmp_path / "dev"
    (dev / "disk" / "by-uuid").mkdir(parents=True)
    paths = {}
    for name in ("sda1", "sdb1", "sdc1", "mmcblk0p1", "nvme0n1p1", "loop3"):
        (dev / name).write_text("")
        paths[name] = str(dev / name)
    os.symlink(dev / "sdb1", dev / "disk" / "by-uuid" / "1234-ABCD")
    return dev, paths


def test_linux_sysfs_walk(tmp_path):
    sys_root = _fake_sysfs(tmp_path)
    assert linux_is_hotplug("sdb1", sys_root)
    assert linux_is_hotplug("mmcblk0p1", sys_root)
    assert linux_is_hotplug("sdc1", sys_root)
    assert not linux_is_hotplug("sda1", sys_root)
    assert not linux_is_hotplug("nvme0n1p1", sys_root)
    assert not linux_is_hotplug("nonexistent", sys_root)


def test_linux_discovery(tmp_path, monkeypatch):
    sys_root = _fake_sysfs(tmp_path)
    dev, paths = _fake_dev(tmp_path)
    # our fake /dev paths must not start with /dev/: let the check see them as such
    import core.storage.discovery as d
    parts = [Part("/dev/sda1", "/", "ext4", "rw"),
             Part("/dev/sdb1", "/media/me/STICK", "vfat", "rw"),
             Part("/dev/mmcblk0p1", "/run/media/me/SD", "exfat", "rw"),
             Part("/dev/nvme0n1p1", "/home", "ext4", "rw"),
             Part("/dev/loop3", "/snap/core/1", "squashfs", "ro")]
    real_realpath = os.path.realpath
    monkeypatch.setattr(d.os.path, "realpath",
                        lambda p: real_realpath(paths[os.path.basename(p)]) if str(p).startswith("/dev/") else real_realpath(p))
    cfg = DiscoveryConfig(platform="linux", partitions=lambda: parts, sysfs=sys_root, dev_disk=dev / "disk", env={})
    drives = discover_removable(cfg)
    assert [d.mount for d in drives] == [Path("/media/me/STICK"), Path("/run/media/me/SD")]
    assert drives[0].drive_id == "sdb1:1234-ABCD"          # UUID-based, not label-based
    assert drives[1].drive_id == "mmcblk0p1:/run/media/me/SD"


def test_windows_discovery():
    parts = [Part("C:\\", "C:\\", "NTFS", "rw,fixed"),
             Part("E:\\", "E:\\", "FAT32", "rw,removable"),
             Part("F:\\", "F:\\", "", "rw,removable"),      # card reader, no card: skipped
             Part("G:\\", "G:\\", "NTFS", "rw,fixed")]       # USB hard disk the user marked
    asked = []

    def info(root):
        asked.append(root)
        return ("BANKSTICK", "1A2B3C4D") if root == "E:\\" else ("", "")

    cfg = DiscoveryConfig(platform="win32", partitions=lambda: parts, marked_removable=["G:\\"],
                          windows_volume_info=info, env={})
    drives = discover_removable(cfg)
    assert [str(d.mount) for d in drives] == ["E:\\", "G:\\"]
    assert drives[0].drive_id == "E::1A2B3C4D" and drives[0].label == "BANKSTICK (E:)"
    assert "F:\\" not in asked  # never probe a drive that is not ready


def test_macos_discovery():
    parts = [Part("/dev/disk1s1", "/", "apfs", "rw"),
             Part("/dev/disk4s1", "/Volumes/STICK", "msdos", "rw"),
             Part("/dev/disk5s1", "/Volumes/Installer", "hfs", "ro"),
             Part("/dev/disk2s2", "/System/Volumes/Data", "apfs", "rw")]
    infos = {"/Volumes/STICK": {"VolumeUUID": "U-1", "VolumeName": "STICK", "BusProtocol": "USB", "Internal": False},
             "/Volumes/Installer": {"DeviceProtocol": "Disk Image"}}
    cfg = DiscoveryConfig(platform="darwin", partitions=lambda: parts, mac_volume_info=lambda m: infos.get(m, {}),
                          env={})
    drives = discover_removable(cfg)
    assert [d.label for d in drives] == ["STICK"] and drives[0].drive_id == "/dev/disk4s1:U-1"


def test_psutil_errors_are_survived(tmp_path):
    def broken():
        raise UnicodeDecodeError("cp949", b"\xff", 0, 1, "bad code page")
    stick = tmp_path / "fake"
    stick.mkdir()
    cfg = DiscoveryConfig(platform="win32", partitions=broken, env={"DOJANG_FAKE_REMOVABLE": str(stick)})
    drives = discover_removable(cfg)
    assert [d.mount for d in drives] == [stick]


def test_fake_removable_env(tmp_path, monkeypatch):
    a, b, missing = tmp_path / "a", tmp_path / "b", tmp_path / "missing"
    a.mkdir(), b.mkdir()
    monkeypatch.setenv("DOJANG_FAKE_REMOVABLE", os.pathsep.join([str(a), str(missing), str(b)]))
    storages = [s for s in registry.all_storages() if s.kind == "removable"]
    assert [s.root for s in storages] == [a / "NPKI", b / "NPKI"]
    assert all(s.verify_writes for s in storages)
    assert len({s.id for s in storages}) == 2


def _wait_for(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)  # polling a condition with a deadline, not waiting for a fixed time
    return False


def test_watcher_reports_appear_and_disappear(tmp_path):
    stick = tmp_path / "stick"
    env = {"DOJANG_FAKE_REMOVABLE": str(stick)}
    events: list[tuple[str, Path]] = []
    lock = threading.Lock()

    def record(kind):
        def cb(drive: Drive):
            with lock:
                events.append((kind, drive.mount))
        return cb

    watcher = DriveWatcher(record("appear"), record("disappear"), interval=0.05,
                           config=DiscoveryConfig(include_real=False, env=env))
    with watcher:
        assert watcher.running
        stick.mkdir()
        assert _wait_for(lambda: ("appear", stick) in events)
        stick.rmdir()
        assert _wait_for(lambda: ("disappear", stick) in events)
    assert not watcher.running
    assert events == [("appear", stick), ("disappear", stick)]


def test_watcher_survives_failing_discovery_and_callbacks():
    calls = {"n": 0}

    def discover():
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("boom")
        return [Drive(Path("/x"), "id-x", "X")]

    def bad_callback(drive):
        raise RuntimeError("subscriber bug")

    w = DriveWatcher(bad_callback, None, interval=0.01, discover=discover)
    assert w.poll_once() == ([], [])
    appeared, _ = w.poll_once()
    assert [d.drive_id for d in appeared] == ["id-x"] and [d.drive_id for d in w.drives] == ["id-x"]
    w.start()
    assert _wait_for(lambda: calls["n"] >= 5)
    w.stop()
    assert not w.running
