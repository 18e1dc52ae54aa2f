import Foundation

/// Paths relative to a dataset file, as a source's `text` is written, moved from one folder to another.
public enum RelativePath {
    /// The path that names, from `newFolder`, the file `path` names from `folder` (`sources/a.txt` read from
    /// `datasets/` is `datasets/sources/a.txt` from the folder above), or `nil` when the file does not lie in
    /// `newFolder` or below it: a dataset's source texts must (the loader refuses others).
    public static func rebase(_ path: String, from folder: URL, to newFolder: URL) -> String? {
        let target = folder.appendingPathComponent(path).standardizedFileURL.pathComponents
        let base = newFolder.standardizedFileURL.pathComponents
        guard target.count > base.count, Array(target.prefix(base.count)) == base else { return nil }
        return target.dropFirst(base.count).joined(separator: "/")
    }

    /// The sources with their `text` paths rebased from `folder` to `newFolder` (``rebase(_:from:to:)``); the
    /// positions of the sources whose text cannot be reached from `newFolder` are listed in `unreachable`.
    public static func rebaseTexts(of sources: [Source], from folder: URL, to newFolder: URL, unreachable: inout [Int]) -> [Source] {
        guard folder.standardizedFileURL != newFolder.standardizedFileURL else { return sources }
        var moved = sources
        for (index, source) in sources.enumerated() {
            guard let text = source.textFile else { continue }
            if let rebased = rebase(text, from: folder, to: newFolder) { moved[index].textFile = rebased } else { unreachable.append(index) }
        }
        return moved
    }

    /// The issue of a source whose text a dataset written to `newFolder` cannot name.
    static func unreachableText(_ source: Source, at index: Int, file: String?, newFolder: URL) -> DatasetIssue {
        DatasetIssue(file: file, path: "$.sources[\(index)].text",
                     message: "the text '\(source.textFile ?? "")' of source '\(source.id)' is not in \(newFolder.path) or below it, where the written dataset must find it",
                     fix: "write the output in the folder of \(file ?? "the dataset") (or a folder above it), or copy the source texts beside the output")
    }
}
