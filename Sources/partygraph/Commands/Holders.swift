import ArgumentParser
import PartyGraph

struct Holders: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who holds an office, on a day or over time, and how sure the sources make it.",
        discussion: """
            Without --at: every holding of the office with its known days (stated bounds or first to last \
            attestation), whether it is inferred to continue, and the windows where the succession is unknown. \
            With --at: the holder on that day — stated, inferred (with the reason) or unknown (with the window \
            and the candidates). The tenure rule is in docs/queries.md ("Tenures").
            """
    )

    @Argument(help: "The office: an id, name or alias.")
    var office: String

    @Option(name: .long, help: "The day (YYYY, YYYY-MM or YYYY-MM-DD).")
    var at: String?

    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    func validate() throws {
        try formatOptions.require([.table, .json, .csv])
        if let at { _ = try ErrorMessages.date(at, option: "--at") }
    }

    func run() throws {
        let dataset = try datasetOptions.load()
        let entity = try NameResolver(dataset: dataset).resolve(office)
        guard entity.kind == .office else {
            let article = "aeiou".contains(entity.kind.rawValue.first!) ? "an" : "a"
            throw ValidationError("'\(entity.name)' is \(article) \(entity.kind.rawValue), not an office; holders are asked of offices.")
        }
        if let at {
            let day = try ErrorMessages.date(at, option: "--at")
            let answer = try dataset.officeHolders(entity.id, during: DateSpan(start: day, end: day))
            try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
            switch formatOptions.format {
            case .json: emit(try jsonText(answer, manifest: try datasetOptions.manifest(for: dataset)))
            case .csv: emit(formatOptions.csv(header: ["office_id", "day", "holder_id", "holder", "certainty", "reason"], rows: rows(answer)))
            case .table: emit(table(answer))
            }
        } else {
            let succession = try dataset.succession(ofOffice: entity.id)
            try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
            switch formatOptions.format {
            case .json: emit(try jsonText(succession, manifest: try datasetOptions.manifest(for: dataset)))
            case .csv:
                emit(formatOptions.csv(header: ["office_id", "holder_id", "holder", "known_from", "known_to", "start_stated", "end_stated",
                                      "attested", "continues_after"], rows: succession.holdings.map { holding in
                    [succession.office.id.rawValue, holding.holder.id.rawValue, holding.holder.name,
                     holding.tenure.knownFrom?.description ?? "", holding.tenure.knownTo?.description ?? "",
                     String(holding.tenure.startStated), String(holding.tenure.endStated),
                     holding.tenure.attestations.map(\.description).joined(separator: " "),
                     holding.tenure.continuesAfter?.description ?? ""]
                }))
            case .table: emit(table(succession))
            }
        }
    }

    func rows(_ answer: OfficeHolderAnswer) -> [[String]] {
        if let unknown = answer.unknown {
            return [[answer.office.id.rawValue, answer.during, "", "", unknown.level.rawValue, unknown.words]]
        }
        return answer.holders.map {
            [answer.office.id.rawValue, answer.during, $0.holder.id.rawValue, $0.holder.name, $0.certainty.level.rawValue, $0.certainty.reason ?? ""]
        }
    }

    func table(_ answer: OfficeHolderAnswer) -> String {
        var lines = ["\(answer.office.name) on \(answer.during)"]
        if let unknown = answer.unknown {
            lines.append("  holder " + unknown.words)
        } else if answer.holders.isEmpty {
            lines.append("  no holder named in this dataset for that day")
        }
        for holder in answer.holders {
            lines.append("  \(holder.holder.name), \(holder.certainty.level.rawValue)" + (holder.certainty.reason.map { " — \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    func table(_ succession: OfficeSuccession) -> String {
        var lines = ["\(succession.office.name)  [\(succession.seats.rawValue) seat]"]
        if succession.holdings.isEmpty {
            lines.append("No holder is named in this dataset.")
            return lines.joined(separator: "\n")
        }
        let rows = succession.holdings.map { holding -> [String] in
            let tenure = holding.tenure
            func bound(_ date: PartialDate?, stated: Bool) -> String {
                guard let date else { return "open" }
                return date.description + (stated ? " (stated)" : " (attested)")
            }
            return [holding.holder.name, bound(tenure.knownFrom, stated: tenure.startStated), bound(tenure.knownTo, stated: tenure.endStated),
                    tenure.attestations.map(\.description).joined(separator: ", "),
                    tenure.continuesAfter.map { "inferred to continue after \($0): no later holder known" } ?? ""]
        }
        lines.append(tableText(header: ["holder", "known from", "known to", "attested", "after"], rows: rows))
        for window in succession.unknown { lines.append("holder " + window.words) }
        return lines.joined(separator: "\n")
    }
}
