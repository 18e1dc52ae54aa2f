import ArgumentParser
import PartyGraph

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a dataset: counts by node kind and relation, date span and sources."
    )

    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    func validate() throws { try formatOptions.require([.table, .json]) }

    func run() throws {
        let dataset = try datasetOptions.load()
        let summary = DatasetSummary(dataset: dataset)
        try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
        if formatOptions.format == .json { emit(try jsonText(summary, manifest: try datasetOptions.manifest(for: dataset))); return }
        var text = "\(summary.title)\n\(summary.nodes) nodes, \(summary.relations) relations"
        if let first = summary.firstDate, let last = summary.lastDate { text += ", meetings from \(first) to \(last)" }
        text += "\n\n" + tableText(header: ["node kind", "count"], rows: NodeKind.allCases.map { [$0.rawValue, String(summary.nodesByKind[$0] ?? 0)] })
        text += "\n\n" + tableText(header: ["relation", "count"], rows: Relation.allCases.map { [$0.rawValue, String(summary.relationsByType[$0] ?? 0)] })
        text += "\n\n" + tableText(header: ["meeting status", "count"], rows: MeetingStatus.allCases.map { [$0.rawValue, String(summary.meetingsByStatus[$0] ?? 0)] })
        text += "\n\n" + tableText(header: ["source", "date", "publisher", "cited by", "title"], rows: summary.sources.map {
            [$0.id, $0.date, $0.publisher, String($0.citations), $0.title]
        })
        emit(text)
    }
}
