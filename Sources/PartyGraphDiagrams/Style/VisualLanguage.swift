import PartyGraph

/// The look of an edge in a PartyGraph view, one per kind of tie drawn.
///
/// Most follow a ``/PartyGraph/Relation`` of the model; ``ledBy`` comes from the `led_by`
/// of a `participant-in` relationship (the person the source names as leading
/// a participating body there).
public enum EdgeKind: String, CaseIterable, Sendable, Hashable {
    /// An actor takes part in a meeting (`participant-in`).
    case participant
    /// A person led a participating body at a meeting (`led_by`).
    case ledBy = "led-by"
    /// The centre of an ego view takes part in a meeting through a body it leads or an office it holds
    /// (``/PartyGraph/Derivation/viaDelegation``, ``/PartyGraph/Derivation/viaOffice``), by the attendance rule of
    /// ``/PartyGraph/Dataset/attendances(of:filter:)``; the label says which.
    case attends
    /// A person heads an organ or party (`heads`).
    case heads
    /// A person holds an office (`holds`).
    case holds
    /// A party, organ or country hosts a meeting (`hosts`).
    case hosts
    /// A person or office invites a meeting's guests (`invites`).
    case invites
    /// Two meetings held in parallel (`held-in-parallel-with`).
    case parallel
    /// An organ or meeting belongs to a larger one (`part-of`), when not shown by nesting.
    case partOf = "part-of"
    /// An office belongs to an organ, party or country (`office-of`), when not shown by nesting.
    case officeOf = "office-of"
    /// A person is a member of an organ or party (`member-of`).
    case memberOf = "member-of"
    /// A party is based in a country (`based-in`).
    case basedIn = "based-in"
    /// A meeting is held at a place (`held-at`).
    case heldAt = "held-at"
    /// A place lies in a country or a larger place (`located-in`).
    case locatedIn = "located-in"

    /// The edge kind that draws a model relation.
    public init(_ relation: Relation) {
        switch relation {
        case .partOf: self = .partOf
        case .officeOf: self = .officeOf
        case .holds: self = .holds
        case .heads: self = .heads
        case .memberOf: self = .memberOf
        case .basedIn: self = .basedIn
        case .participantIn: self = .participant
        case .hosts: self = .hosts
        case .invites: self = .invites
        case .parallelWith: self = .parallel
        case .heldAt: self = .heldAt
        case .locatedIn: self = .locatedIn
        }
    }

    /// What the line means, as written in the legend.
    public var legendText: String {
        switch self {
        case .participant: "takes part in (role; led by)"
        case .ledBy: "led by (named leader at a meeting)"
        case .attends: "takes part via delegation or office"
        case .heads: "heads"
        case .holds: "holds office"
        case .hosts: "hosts"
        case .invites: "invites"
        case .parallel: "held in parallel with"
        case .partOf: "part of"
        case .officeOf: "office of"
        case .memberOf: "member of"
        case .basedIn: "based in"
        case .heldAt: "held at"
        case .locatedIn: "located in"
        }
    }
}

/// The colours of one party, carried through its organs, offices and leaders.
public struct PartyColor: Sendable, Hashable {
    /// Outlines, lines and cluster borders.
    public var line: String
    /// Node fill.
    public var fill: String
    /// Cluster background.
    public var background: String

    /// Creates a party's colours.
    public init(line: String, fill: String, background: String) {
        self.line = line
        self.fill = fill
        self.background = background
    }
}

/// The visual language of PartyGraph diagrams: shape and fill by node kind,
/// one colour per party, line style by relation, dashed outlines for
/// announced meetings. Views use it; the legend is built from it.
public enum VisualLanguage {
    /// The font of every text, as a Pango font description that is also a
    /// CSS font-family list (SVG keeps it verbatim): Noto Sans, which covers
    /// Vietnamese and the other Latin diacritics of the data (Debian package
    /// `fonts-noto-core`), else the system's sans-serif.
    public static let fontName = "Noto Sans,sans-serif"
    /// The font of person and party names: bold in PNG and PDF (Pango reads
    /// the weight); SVG viewers show them in the regular weight.
    public static let boldFontName = "Noto Sans,sans-serif Bold"

    /// Party colours, given to parties in dataset order (and reused after the last).
    public static let partyPalette: [PartyColor] = [
        PartyColor(line: "#1f4e96", fill: "#d6e4f7", background: "#f1f6fd"),  // blue
        PartyColor(line: "#b3261e", fill: "#f9d9d6", background: "#fdf2f1"),  // red
        PartyColor(line: "#1d7a3a", fill: "#d3efdc", background: "#f0faf3"),  // green
        PartyColor(line: "#6a3d9a", fill: "#e6dcf2", background: "#f6f2fb"),  // purple
        PartyColor(line: "#b35900", fill: "#fbe3cc", background: "#fef6ee"),  // orange
        PartyColor(line: "#00727a", fill: "#cdeef0", background: "#effafa"),  // teal
    ]

    /// For nodes that belong to no party (meetings are styled on their own).
    public static let neutral = PartyColor(line: "#555555", fill: "#eeeeee", background: "#fafafa")

    /// Meetings: a warm gold, whatever the parties.
    public static let meetingColor = PartyColor(line: "#8a6d00", fill: "#fff1b8", background: "#fffbea")

    /// The shape Graphviz draws for a node kind.
    public static func shape(of kind: NodeKind) -> String {
        switch kind {
        case .party: "box3d"
        case .organ: "box"
        case .office: "tab"
        case .person: "ellipse"
        case .country: "hexagon"
        case .meeting: "box"
        case .place: "house"
        }
    }

    /// The style of a node of this kind in a party's colours. Meetings use
    /// ``meetingColor`` and show their status: dashed outline when announced,
    /// solid when held, dotted and grey when postponed or cancelled.
    public static func nodeStyle(kind: NodeKind, color: PartyColor, status: MeetingStatus? = nil) -> DiagramStyle {
        var style = DiagramStyle(shape: shape(of: kind), color: color.line, fillColor: color.fill, fontName: fontName, fontSize: 12)
        switch kind {
        case .party:
            style.style = "filled"
            style.penWidth = 2
            style.fontName = boldFontName
            style.fontSize = 13
        case .organ:
            style.style = "filled"
        case .office:
            style.style = "filled"
            style.fillColor = "#ffffff"
        case .person:
            style.style = "filled"
            style.fillColor = "#ffffff"
            style.penWidth = 2
            style.fontName = boldFontName
            style.fontSize = 13
        case .country:
            style.style = "filled"
        case .place:
            style.style = "filled"
            style.color = "#5b6b3a"
            style.fillColor = "#eef2e4"
        case .meeting:
            let meeting = meetingColor
            style.color = meeting.line
            style.fillColor = meeting.fill
            style.penWidth = 2
            switch status {
            case .held, nil: style.style = "rounded,filled"
            case .announced: style.style = "rounded,filled,dashed"
            case .postponed, .cancelled:
                style.style = "rounded,filled,dotted"
                style.fillColor = "#eeeeee"
                style.fontColor = "#666666"
            }
        }
        return style
    }

    /// The style of an edge kind; `color` is the colour of the party the tie belongs to.
    public static func edgeStyle(_ kind: EdgeKind, color: PartyColor = neutral) -> DiagramStyle {
        var style = DiagramStyle(color: color.line, fontColor: color.line, fontName: fontName, fontSize: 10, penWidth: 1.2)
        switch kind {
        case .participant:
            style.penWidth = 1.6
        case .ledBy:
            style.style = "dashed"
            style.extra["arrowhead"] = "odot"
        case .attends:
            style.style = "dashed"
            style.penWidth = 2.5
            style.extra["arrowhead"] = "diamond"
        case .heads:
            style.style = "dashed"
            style.extra["arrowhead"] = "odiamond"
        case .holds:
            style.extra["arrowhead"] = "dot"
        case .hosts:
            style.penWidth = 3
            style.color = "#8a6d00"
            style.fontColor = "#6b5500"
            style.extra["arrowhead"] = "normal"
        case .invites:
            style.style = "bold,dashed"
            style.color = "#8a6d00"
            style.fontColor = "#6b5500"
            style.extra["arrowhead"] = "open"
        case .parallel:
            style.style = "dashed"
            style.color = "#8a6d00"
            style.fontColor = "#6b5500"
            style.penWidth = 1.5
            style.extra["dir"] = "both"
            style.extra["arrowhead"] = "none"
            style.extra["arrowtail"] = "none"
        case .partOf, .officeOf:
            style.style = "dotted"
            style.extra["arrowhead"] = "empty"
        case .memberOf:
            style.style = "dotted"
            style.extra["arrowhead"] = "odot"
        case .basedIn:
            style.style = "dotted"
            style.color = "#888888"
            style.extra["arrowhead"] = "vee"
            // A country is context, not a step towards the meetings: leave ranks alone.
            style.extra["constraint"] = "false"
        case .heldAt, .locatedIn:
            style.style = "dotted"
            style.color = "#5b6b3a"
            style.fontColor = "#5b6b3a"
            style.extra["arrowhead"] = kind == .heldAt ? "inv" : "vee"
        }
        return style
    }

    /// The box of a party, organ or meeting series (solid) or of a country's
    /// state bodies (dashed), in the party's colours.
    public static func clusterStyle(kind: NodeKind, color: PartyColor, isState: Bool) -> DiagramStyle {
        var style = DiagramStyle(style: "filled", color: color.line, fillColor: color.background, fontColor: color.line, fontName: boldFontName, fontSize: 12, penWidth: 1.5)
        if kind == .organ {
            style.style = "filled,rounded"
            style.fillColor = color.fill
            style.fontSize = 11
            style.penWidth = 1
        }
        if isState {
            style.style = "filled,dashed"
            style.fillColor = "#ffffff"
        }
        if kind == .meeting {
            style.style = "filled,rounded"
            style.color = meetingColor.line
            style.fillColor = meetingColor.background
            style.fontColor = meetingColor.line
        }
        return style
    }
}
