#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of file a path names, for the one rule of reading and writing: only regular files are read as inputs
/// or replaced as outputs (a FIFO would hang a reader, `/dev/zero` never ends, a device must not become a file).
public enum FileKind {
    /// What is at `path` when it exists and is not a regular file ("a folder", "a FIFO (named pipe)", …), following
    /// symbolic links; `nil` when nothing is there or it is a regular file.
    public static func nonRegular(at path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}
