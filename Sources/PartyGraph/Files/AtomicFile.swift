import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader never sees half of one: the one way PartyGraph, its diagrams and its command line
/// write a file.
///
/// The bytes go to a new temporary file in the destination's folder, which is then renamed over the destination
/// (a rename within one file system is atomic): readers see the old file or the new one. Missing parent folders
/// are created. Only a regular file is replaced: a folder, a FIFO, a device or a socket at the destination
/// (directly or through a symbolic link) is refused before anything is written, so writing never swaps a pipe or
/// `/dev/null` for a plain file. On failure the temporary file is removed and the destination is left as it was.
public enum AtomicFile {
    /// Writes `data` to the file at `path`, atomically.
    ///
    /// - Throws: ``PartyGraphError/unwritable(file:reason:)`` with `path` as given and the reason: what else is at
    ///   the destination, the folder that could not be created, or the system's reason.
    public static func write(_ data: Data, to path: String) throws(PartyGraphError) {
        if let kind = FileKind.nonRegular(at: path) {
            throw .unwritable(file: path, reason: "it is \(kind); only a regular file is replaced")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try createFolder(folder, writing: path)
        // A name no other writer uses, even another thread of this process writing the same destination.
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary, options: .withoutOverwriting)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(file: path, reason: error.localizedDescription)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(file: path, reason: reason)
        }
    }

    /// Creates `folder` and its parents for writing `path`, or says which folder could not be created.
    static func createFolder(_ folder: URL, writing path: String) throws(PartyGraphError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(file: path, reason: "cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
    }
}
