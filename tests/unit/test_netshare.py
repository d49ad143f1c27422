"""snapp.db.netshare: refuse an SQLite file on a network share (UNC paths, NFS/CIFS/SMB mounts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from snapp.db.netshare import NETWORK_FILE_SYSTEMS, network_share_reason

# /proc/self/mounts of an office Linux PC: local disks, a CIFS share with a blank in
# its mount point (escaped as \040), an NFS home with a local disk mounted inside it,
# a local disk inside a CIFS share, and an over-mount where the later line wins.
MOUNTS = r"""sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
udev /dev devtmpfs rw,nosuid,relatime,size=8117444k,nr_inodes=2029361,mode=755,inode64 0 0
devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=000 0 0
tmpfs /run tmpfs rw,nosuid,nodev,noexec,relatime,size=1630180k,mode=755,inode64 0 0
/dev/nvme0n1p2 / ext4 rw,relatime,errors=remount-ro 0 0
/dev/nvme0n1p1 /boot/efi vfat rw,relatime,fmask=0077,dmask=0077,codepage=437,iocharset=iso8859-1,shortname=mixed,errors=remount-ro 0 0
tmpfs /run/user/1000 tmpfs rw,nosuid,nodev,relatime,size=1630176k,nr_inodes=407544,mode=700,uid=1000,gid=1000,inode64 0 0
//fileserver/finance /mnt/finance cifs rw,relatime,vers=3.1.1,cache=strict,username=clerk,uid=1000,forceuid,gid=1000,forcegid,addr=192.168.1.10,file_mode=0755,dir_mode=0755,soft,nounix,serverino,mapposix,rsize=4194304,wsize=4194304,bsize=1048576,echo_interval=60,actimeo=1,closetimeo=1 0 0
/dev/sdc1 /mnt/finance/cache ext4 rw,relatime 0 0
//fileserver/warehouse\040data /mnt/Warehouse\040Data cifs rw,relatime,vers=3.0,username=wh,uid=1000 0 0
nas.local:/export/home /home/shared nfs4 rw,relatime,vers=4.2,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=192.168.1.20,local_lock=none,addr=192.168.1.5 0 0
/dev/sdb1 /home/shared/local ext4 rw,relatime 0 0
nas.local:/export/archive /data/archive nfs rw,relatime,vers=3,rsize=131072,wsize=131072,hard,proto=tcp,timeo=600,retrans=2 0 0
tmpfs /srv tmpfs rw,relatime 0 0
nas.local:/srv /srv nfs4 rw,relatime,vers=4.2 0 0
/dev/sdd1 /opt/data ext4 rw,relatime 0 0
"""


def reason(path: str, mounts: str = MOUNTS, platform: str = "linux") -> str | None:
    return network_share_reason(Path(path), mounts=mounts, platform=platform)


@pytest.mark.parametrize(
    "path",
    [
        "/home/clerk/snapp/snapp.db",  # root ext4
        "/opt/data/snapp.db",
        "/mnt/finance/cache/snapp.db",  # local disk mounted inside the CIFS share
        "/home/shared/local/snapp.db",  # local disk mounted inside the NFS home
        "/home/sharedstuff/snapp.db",  # a name that merely starts like a mount point
        "/mnt/financial/snapp.db",
        "/mnt/Warehouse/snapp.db",  # half of the blank-containing mount point
        "/data/archive2/snapp.db",
        "/run/user/1000/snapp.db",
    ],
)
def test_local_paths_are_fine(path):
    assert reason(path) is None


@pytest.mark.parametrize(
    ("path", "fstype", "mount_point"),
    [
        ("/mnt/finance/snapp.db", "cifs", "/mnt/finance"),
        ("/mnt/finance/year/2024/snapp.db", "cifs", "/mnt/finance"),
        ("/mnt/finance", "cifs", "/mnt/finance"),  # the mount point itself
        ("/mnt/Warehouse Data/snapp.db", "cifs", "/mnt/Warehouse Data"),  # \040 in /proc/mounts
        ("/home/shared/snapp.db", "nfs4", "/home/shared"),
        ("/home/shared/team/sub/snapp.db", "nfs4", "/home/shared"),
        ("/data/archive/snapp.db", "nfs", "/data/archive"),
        ("/srv/snapp.db", "nfs4", "/srv"),  # over-mounted: the later line is what is mounted now
        ("/mnt/finance/../finance/snapp.db", "cifs", "/mnt/finance"),  # made absolute and normalised
    ],
)
def test_network_mounts_are_refused(path, fstype, mount_point):
    assert reason(path) == f"{path} is on a {fstype} network mount ({mount_point})"


@pytest.mark.parametrize(
    "fstype",
    ["nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "ceph", "glusterfs", "davfs", "nfs3", "smb9"],
)
def test_each_network_file_system(fstype):
    mounts = f"/dev/sda1 / ext4 rw 0 0\nserver:/x /net {fstype} rw 0 0\n"
    assert reason("/net/snapp.db", mounts) == f"/net/snapp.db is on a {fstype} network mount (/net)"


@pytest.mark.parametrize("fstype", ["ext4", "xfs", "btrfs", "zfs", "vfat", "ntfs3", "fuseblk", "tmpfs", "overlay"])
def test_local_file_systems(fstype):
    mounts = f"/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /disk {fstype} rw 0 0\n"
    assert reason("/disk/snapp.db", mounts) is None


def test_network_root_file_system():
    assert reason("/var/lib/snapp.db", "server:/root / nfs rw 0 0\n") == "/var/lib/snapp.db is on a nfs network mount (/)"


def test_known_network_types_include_the_usual_ones():
    assert {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs"} <= NETWORK_FILE_SYSTEMS


def test_garbage_lines_in_mounts_are_skipped():
    mounts = "\n\nrubbish\n/dev/sda1 / ext4 rw 0 0\n//srv/s /mnt/s cifs rw 0 0\n"
    assert reason("/mnt/s/x.db", mounts) == "/mnt/s/x.db is on a cifs network mount (/mnt/s)"


def test_no_mount_matches():
    assert reason("/x/snapp.db", "") is None


def test_tab_escape_in_mount_point():
    mounts = "/dev/sda1 / ext4 rw 0 0\n//srv/s /mnt/a\\011b cifs rw 0 0\n"
    assert reason("/mnt/a\tb/x.db", mounts) == "/mnt/a\tb/x.db is on a cifs network mount (/mnt/a\tb)"


def test_chinese_mount_point():
    """Non-ASCII bytes are not escaped in /proc/mounts; a share mounted at /mnt/财务 is still a share."""
    mounts = "/dev/sda1 / ext4 rw 0 0\n//fileserver/caiwu /mnt/财务 cifs rw,vers=3.0 0 0\n"
    assert reason("/mnt/财务/snapp.db", mounts) == "/mnt/财务/snapp.db is on a cifs network mount (/mnt/财务)"


def test_chinese_mount_point_with_escaped_blank():
    mounts = "/dev/sda1 / ext4 rw 0 0\n//fileserver/caiwu /mnt/财务\\040共享 cifs rw 0 0\n"
    assert reason("/mnt/财务 共享/snapp.db", mounts) == "/mnt/财务 共享/snapp.db is on a cifs network mount (/mnt/财务 共享)"


def test_symlink_into_a_network_share(tmp_path):
    """A path that reaches the share through a symbolic link is on the share all the same."""
    share = tmp_path / "share"
    share.mkdir()
    (tmp_path / "link").symlink_to(share, target_is_directory=True)
    mounts = f"/dev/sda1 / ext4 rw 0 0\n//fileserver/s {share} cifs rw 0 0\n"
    found = network_share_reason(tmp_path / "link" / "snapp.db", mounts=mounts, platform="linux")
    assert found is not None
    assert "cifs network mount" in found


# --- UNC paths, any platform -----------------------------------------------------------


@pytest.mark.parametrize("path", [r"\\fileserver\finance\snapp.db", "//fileserver/finance/snapp.db", r"\\?\UNC\srv\s\snapp.db"])
@pytest.mark.parametrize("platform", ["linux", "darwin", "freebsd13"])
def test_unc_paths_are_refused(path, platform):
    assert reason(path, "", platform) == f"{path} is a network (UNC) path"


def test_other_platforms_do_not_read_linux_mounts():
    assert reason("/mnt/finance/snapp.db", MOUNTS, "darwin") is None


@pytest.mark.parametrize("platform", ["linux", "linux2"])
def test_linux_platform_names(platform):
    assert reason("/mnt/finance/snapp.db", MOUNTS, platform) is not None
