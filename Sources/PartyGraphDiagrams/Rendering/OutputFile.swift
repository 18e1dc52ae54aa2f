import Foundation

/// Writing rendered diagrams to disk.
public enum OutputFile {
    /// Writes bytes to a file atomically: readers see the old file or the new
    /// one, never a partial write.
    ///
    /// The bytes go to a temporary file in the destination's folder, which is
    /// then renamed over the destination (a rename within one file system is
    /// atomic). Missing parent folders are created. On failure the temporary
    /// file is removed and the destination is left as it was.
    ///
    /// - Parameters:
    ///   - data: The bytes to write.
    ///   - url: The destination file URL.
    /// - Throws: ``DiagramError/writeFailed(path:reason:)`` with the path and
    ///   the system's reason.
    public static func writeAtomically(_ data: Data, to url: URL) throws(DiagramError) {
        let destination = url.standardizedFileURL
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: destination.path, reason: error.localizedDescription)
        }
        if rename(temporary.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: destination.path, reason: reason)
        }
    }

    /// Renders a diagram and writes it atomically to `url`.
    ///
    /// - Throws: as ``GraphvizRenderer/render(_:layout:format:)`` and
    ///   ``writeAtomically(_:to:)``.
    public static func write(
        _ diagram: Diagram,
        layout: Layout = .dot,
        format: OutputFormat,
        to url: URL,
        renderer: GraphvizRenderer = GraphvizRenderer()
    ) throws(DiagramError) {
        try writeAtomically(renderer.render(diagram, layout: layout, format: format), to: url)
    }
}
