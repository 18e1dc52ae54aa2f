import Foundation
import PartyGraph

/// Writing rendered diagrams to disk.
public enum OutputFile {
    /// Writes bytes to a file atomically with PartyGraph's ``/PartyGraph/AtomicFile``: readers see the old file or the new
    /// one, never a partial write; missing parent folders are created; only a regular file is replaced (a FIFO or
    /// a device at `url` is refused); on failure the destination is left as it was.
    ///
    /// - Parameters:
    ///   - data: The bytes to write.
    ///   - url: The destination file URL.
    /// - Throws: ``DiagramError/writeFailed(path:reason:)`` with the path and
    ///   the reason.
    public static func writeAtomically(_ data: Data, to url: URL) throws(DiagramError) {
        let destination = url.standardizedFileURL.path
        do {
            try AtomicFile.write(data, to: destination)
        } catch {
            guard case .unwritable(_, let reason) = error else { throw .writeFailed(path: destination, reason: error.description) }
            throw .writeFailed(path: destination, reason: reason)
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
