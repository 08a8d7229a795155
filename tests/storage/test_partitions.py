"""discovery.linux_partitions reads the mount table as psutil.disk_partitions(all=False) does
(without importing psutil, about 10 ms of every `dojang list`)."""
from __future__ import annotations

import sys

import pytest

from core.storage import discovery

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux mount table")


def test_same_as_psutil_on_this_machine():
    import psutil
    ours = discovery.linux_partitions()
    if ours is None:      # a root named /dev/root: psutil's own search is used then
        pytest.skip("root device named /dev/root here")
    assert [(p.device, p.mountpoint, p.fstype, p.opts) for p in ours] == \
        [(p.device, p.mountpoint, p.fstype, p.opts) for p in psutil.disk_partitions(all=False)]


def _proc(tmp_path, mounts: bytes, filesystems: str = "nodev\tproc\nnodev\ttmpfs\n\text4\n\tvfat\nnodev\tzfs\n"):
    (tmp_path / "self").mkdir()
    (tmp_path / "self" / "mounts").write_bytes(mounts)
    (tmp_path / "filesystems").write_text(filesystems)
    return str(tmp_path)


def test_escapes_filters_and_odd_lines(tmp_path):
    mounts = b"\n".join([
        b"proc /proc proc rw 0 0",
        b"/dev/sda1 / ext4 rw,relatime 0 0",
        b"  # a comment",
        b"",
        b"/dev/sdb1 /media/my\\040stick vfat rw,nosuid 0 0",
        b"/dev/sdc1 /media/a\\134b\\011c\\012d vfat rw 0 0",
        b"/dev/sdd1 /media/two\\\\040 vfat rw 0 0",
        b"/dev/sde1 /media/keep\\041 vfat rw 0 0",
        b"none /mnt/none ext4 rw 0 0",
        b"tank/data /tank zfs rw 0 0",
        b"tmpfs /run tmpfs rw 0 0",
        b"/dev/sdf1\t\t/media/tabs  vfat   rw 0 0",
        b"/dev/sdg1 /media/\xff\xfe vfat rw 0 0",
    ])
    parts = discovery.linux_partitions(_proc(tmp_path, mounts))
    assert [(p.device, p.mountpoint, p.fstype) for p in parts] == [
        ("/dev/sda1", "/", "ext4"),
        ("/dev/sdb1", "/media/my stick", "vfat"),
        ("/dev/sdc1", "/media/a\\b\tc\nd", "vfat"),
        ("/dev/sdd1", "/media/two\\040", "vfat"),        # "\\" first, then 040 as it is
        ("/dev/sde1", "/media/keep\\041", "vfat"),       # not an escape getmntent knows
        ("tank/data", "/tank", "zfs"),
        ("/dev/sdf1", "/media/tabs", "vfat"),
        ("/dev/sdg1", "/media/\udcff\udcfe", "vfat"),
    ]
    assert parts[1].opts == "rw,nosuid"


def test_a_root_named_dev_root_is_left_to_psutil(tmp_path):
    assert discovery.linux_partitions(_proc(tmp_path, b"/dev/root / ext4 rw 0 0\n")) is None
