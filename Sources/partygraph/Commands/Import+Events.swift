import ArgumentParser
import Foundation
import PartyGraph

/// `import --from icews|polecat`: event data read as meetings (``EventData``).
extension Import {
    /// The event-data layout of an import format, `nil` for the others.
    static func eventLayout(_ format: ImportFormat) -> EventData.Layout? {
        switch format {
        case .icews: return .icews
        case .polecat: return .polecat
        default: return nil
        }
    }

    func runEvents(_ layout: EventData.Layout) throws {
        guard files.count == 1 else { throw PartyGraphError.importNeedsOneFile(format: from ?? .icews, given: files.count) }
        let base = try into.map { try DatasetLoader.load(path: $0) }
        let result = try EventData.read(path: files[0], layout: layout, into: base, intoPath: into,
                                        outputFolder: out.map { URL(fileURLWithPath: $0).deletingLastPathComponent() })
        let created = result.items.filter { $0.action == .created }.count
        let matched = result.items.filter { $0.action == .matched }.count
        let extended = result.items.filter { $0.action == .extended }.count
        let skippedRows = result.skipped.map(\.rows).reduce(0, +)
        let counts = "\(result.meetingRows) meeting rows, \(skippedRows) rows skipped; \(created) created, \(matched) matched, \(extended) extended"
        let skippedText = result.skipped.isEmpty ? "" : "\nskipped (not meetings):\n" + tableText(
            header: ["code", "rows", "why"], rows: result.skipped.map { [$0.code, String($0.rows), $0.reason] })
        let sizes = "\(result.dataset.entities.count) nodes, \(result.dataset.relationships.count) relations, \(result.dataset.sources.count) sources"
        if dryRun {
            if format == .json {
                emit(try jsonText(EventDryRun(
                    items: result.items.map { EventDryRun.Item(action: $0.action.rawValue, what: $0.what, id: $0.id, name: $0.name, row: $0.row) },
                    skipped: result.skipped.map { EventDryRun.Skip(code: $0.code, rows: $0.rows, reason: $0.reason) },
                    meetingRows: result.meetingRows, nodes: result.dataset.entities.count, relations: result.dataset.relationships.count,
                    sources: result.dataset.sources.count)))
                return
            }
            let table = tableText(header: ["action", "what", "id", "row", "name"],
                                  rows: result.items.map { [$0.action.rawValue, $0.what, $0.id, String($0.row), $0.name] })
            emit(table + skippedText + "\ndry run: nothing written (\(counts); the result would have \(sizes))")
            return
        }
        guard let out else { return }
        try DatasetWriter.write(result.dataset, to: out)
        emit("wrote \(out) (\(sizes); \(counts))" + skippedText)
    }
}

/// The JSON of `import --from icews|polecat --dry-run --format json`.
private struct EventDryRun: Encodable {
    struct Item: Encodable {
        var action: String
        var what: String
        var id: String
        var name: String
        var row: Int
    }
    struct Skip: Encodable {
        var code: String
        var rows: Int
        var reason: String
    }
    var dryRun = true
    var items: [Item]
    var skipped: [Skip]
    var meetingRows: Int
    var nodes: Int
    var relations: Int
    var sources: Int
    enum CodingKeys: String, CodingKey {
        case dryRun = "dry_run", items, skipped, meetingRows = "meeting_rows", nodes, relations, sources
    }
}
