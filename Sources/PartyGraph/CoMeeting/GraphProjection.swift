/// Which graph of a dataset an analysis or an export works on: the typed graph itself, or the who-meets-whom
/// graph (``CoMeetingGraph``) at one level.
///
/// The four meeting projections have one vertex per actor taking part in at least one admitted meeting and one
/// undirected edge per pair sharing a meeting, weighted by the number of distinct meetings shared (a tie
/// **strength**). Centrality (``AnalysisGraph``) and exports (``Exporter``) use this one vocabulary.
public enum GraphProjection: String, CaseIterable, Codable, Sendable {
    /// Every node and relationship. For centrality: meetings outside the window are left out and only
    /// relationships whose validity overlaps it count, undirected unless asked otherwise, an edge weighted by the
    /// number of relationships joining the pair. For export: every field, lossless.
    case full
    /// Who meets whom among persons (and offices whose holder is not named), at ``EncounterLevel/person``.
    case persons
    /// Who meets whom among party organs and state bodies.
    case organs
    /// Who meets whom among parties.
    case parties
    /// Who meets whom among states.
    case countries

    /// The encounter level of a meeting projection; `nil` for `full`.
    public var level: EncounterLevel? {
        switch self {
        case .full: nil
        case .persons: .person
        case .organs: .organ
        case .parties: .party
        case .countries: .country
        }
    }
}

/// The former name of ``GraphProjection`` for exports, which now take every projection.
@available(*, deprecated, renamed: "GraphProjection")
public typealias ExportProjection = GraphProjection
