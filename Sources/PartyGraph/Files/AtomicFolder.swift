import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a folder of files as a whole: the folder exports (CSV, Neo4j) of PartyGraph.
///
/// Every file is first written to a new staging folder beside the destination, so a file that cannot be written
/// leaves the destination exactly as it was. Then, when the destination is missing or holds nothing but files of
/// the same names (an earlier export), the staging folder takes its place by two renames: a reader sees the old
/// set or the new one (or, between the renames, no folder), never a mix, and of two exports into one folder one
/// stands complete while the other reports that it was overtaken. A destination
/// holding other files too keeps them: each new file is renamed into it, one at a time (each file atomic).
public enum AtomicFolder {
    /// Writes `files` (name → bytes; names are plain file names) into the folder at `path`.
    ///
    /// - Returns: the paths written, in the order given.
    /// - Throws: ``PartyGraphError/unwritable(file:reason:)`` naming the file or folder that could not be written.
    @discardableResult
    public static func write(_ files: [(name: String, data: Data)], to path: String) throws(PartyGraphError) -> [String] {
        let destination = URL(fileURLWithPath: path).standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        try AtomicFile.createFolder(parent, writing: path)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .unwritable(file: path, reason: "cannot create a staging folder in \(parent.path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: staging) }
        let targets = files.map { destination.appendingPathComponent($0.name).path }
        for (file, target) in zip(files, targets) {
            do {
                try file.data.write(to: staging.appendingPathComponent(file.name), options: .withoutOverwriting)
            } catch {
                throw .unwritable(file: target, reason: error.localizedDescription)
            }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder) else {
            try move(staging.path, to: destination.path, reporting: path)
            return targets
        }
        guard isFolder.boolValue else { throw .unwritable(file: path, reason: "it is a file, not a folder") }
        let names = Set(files.map(\.name))
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: destination.path)) ?? []
        if existing.allSatisfy(names.contains) {
            // Only an earlier export is there: swap the folders, keeping the old one until the new one is in place.
            let previous = parent.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).old")
            try move(destination.path, to: previous.path, reporting: path)
            if rename(staging.path, destination.path) != 0 {
                let reason = String(cString: strerror(errno))
                if rename(previous.path, destination.path) != 0 {
                    // Another export put a complete folder in place meanwhile: it stands, the old one goes.
                    try? FileManager.default.removeItem(at: previous)
                    throw .unwritable(file: path, reason: "another export replaced the folder at the same time; run again")
                }
                throw .unwritable(file: path, reason: reason)
            }
            try? FileManager.default.removeItem(at: previous)
        } else {
            for (file, target) in zip(files, targets) {
                if let kind = FileKind.nonRegular(at: target) {
                    throw .unwritable(file: target, reason: "it is \(kind); only a regular file is replaced")
                }
                try move(staging.appendingPathComponent(file.name).path, to: target, reporting: target)
            }
        }
        return targets
    }

    private static func move(_ from: String, to: String, reporting path: String) throws(PartyGraphError) {
        if rename(from, to) != 0 { throw .unwritable(file: path, reason: String(cString: strerror(errno))) }
    }
}
