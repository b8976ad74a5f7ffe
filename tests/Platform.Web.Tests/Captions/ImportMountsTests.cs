using Platform.Web.Hosting;

namespace Platform.Tests.Captions;

/// <summary>A bind mount under the import root is refused like a link: it could bring any folder of the server in.</summary>
public class ImportMountsTests
{
    [Fact]
    public void A_mount_point_is_read_from_mountinfo_with_its_escapes_undone()
    {
        const string line = "36 35 98:0 /mnt1 /srv/imports/my\\040renders rw,noatime master:1 - ext3 /dev/root rw,errors=continue";

        ImportMounts.MountPointOf(line).Should().Be("/srv/imports/my renders");
        ImportMounts.MountPointOf("garbage").Should().BeNull();
    }

    [Fact]
    public void Only_the_mount_point_itself_counts_not_the_folders_around_it()
    {
        string[] mounts = ["/", "/proc", "/srv/imports/bound"];

        ImportMounts.IsMountPoint("/srv/imports/bound", mounts).Should().BeTrue();
        ImportMounts.IsMountPoint("/srv/imports/bound/", mounts).Should().BeTrue();
        ImportMounts.IsMountPoint("/srv/imports/renders", mounts).Should().BeFalse();
        ImportMounts.IsMountPoint("/srv/imports", mounts).Should().BeFalse();
    }

    [Fact]
    public void This_machines_own_mounts_are_found()
    {
        ImportMounts.Current().Should().Contain("/proc", "every Linux process sees /proc mounted");
    }
}
