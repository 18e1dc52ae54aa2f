import ArgumentParser
import PartyGraph

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every fact about a node, with dates and sources.",
        discussion: "NAME is an id, a name or an alias; case, diacritics and spacing do not matter (\"to lam\" finds Tô Lâm)."
    )

    @Argument(help: "The node to show: an id, name or alias.")
    var name: String

    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    @Flag(name: .long, help: "Print the supporting quotes in the table.")
    var quotes = false

    func validate() throws { try formatOptions.require([.table, .json]) }

    func run() throws {
        let dataset = try datasetOptions.load()
        let entity = try NameResolver(dataset: dataset).resolve(name)
        let report = NodeReport(entity: entity, in: dataset)
        try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
        if formatOptions.format == .json { emit(try jsonText(report, manifest: try datasetOptions.manifest(for: dataset))); return }
        var lines = ["\(report.name)  [\(report.kind.rawValue)]  \(report.id)"]
        if !report.aliases.isEmpty { lines.append("also: " + report.aliases.joined(separator: "; ")) }
        if let meetingKind = report.meetingKind {
            let kind = report.declaredKind.map { "\($0.label) (\(meetingKind.rawValue))" } ?? meetingKind.rawValue
            let place = report.heldAt?.joined(separator: "; ") ?? report.place ?? "place not given"
            lines.append("\(kind), \(report.date ?? ""), \(place), "
                + (report.status.map { StatusClaimsText.status($0, contested: report.contested ?? false) } ?? "")
                + (report.statusAsOf.map { " as of \($0)" } ?? ""))
            if let claims = report.statusClaims, !claims.isEmpty {
                lines.append("status claims:")
                for claim in claims {
                    lines.append("  " + StatusClaimsText.timeline([claim]) + ": “\(claim.quote)”")
                }
            }
        }
        if let note = report.note { lines.append("note: " + note) }
        if report.disputed { lines.append("disputed: " + report.evidence.filter { $0.stance == .disputes }.map(\.source).joined(separator: ", ") + " contradicts this node") }
        var sources = Set<String>()
        let rows = report.facts.map { fact -> [String] in
            fact.evidence.forEach { sources.insert("\($0.source) (\($0.publisher), \($0.date))") }
            var detail: [String] = []
            if let role = fact.role { detail.append("role: \(fact.declaredRole?.label ?? role.rawValue)") }
            if let capacity = fact.capacity { detail.append("for \(dataset.name(of: capacity))") }
            if let through = fact.through {
                switch fact.direction {
                case .incoming: detail.append("led by \(dataset.name(of: through))")
                case .leads: detail.append("heading \(dataset.name(of: through))")
                case .viaOffice: detail.append("as \(dataset.name(of: through))")
                case .outgoing: break
                }
            }
            if let status = fact.meetingStatus { detail.append(status.rawValue) }
            if let tenure = fact.tenure {
                detail.append("attested " + tenure.attestations.map(\.description).joined(separator: ", "))
                if let after = tenure.continuesAfter { detail.append("inferred to continue after \(after): no later holder known") }
            }
            if fact.disputed { detail.append("disputed") }
            let knownDays = fact.tenure.map { tenure in
                tenure.knownFrom == tenure.knownTo && tenure.knownFrom != nil
                    ? tenure.knownFrom!.description : (tenure.knownFrom?.description ?? "") + "/" + (tenure.knownTo?.description ?? "")
            }
            var row = [fact.phrase, fact.otherName, knownDays ?? (fact.date.isEmpty ? "dates not stated" : fact.date), detail.joined(separator: ", "), Set(fact.evidence.map(\.source)).sorted().joined(separator: " ")]
            if quotes { row.append(fact.evidence.map { "“\($0.quote)”" + ($0.stance == .disputes ? " (disputes)" : "") }.joined(separator: " ")) }
            return row
        }
        lines.append("")
        if rows.isEmpty {
            lines.append("No relations involve this node.")
        } else {
            var header = ["relation", "with", "date", "details", "sources"]
            if quotes { header.append("quotes") }
            lines.append(tableText(header: header, rows: rows))
        }
        for citation in report.evidence { sources.insert("\(citation.source) (\(citation.publisher), \(citation.date))") }
        lines.append("")
        lines.append("Sources: " + sources.sorted().joined(separator: "; "))
        emit(lines.joined(separator: "\n"))
    }
}
