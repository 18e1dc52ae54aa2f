import PartyGraph

/// Turns a selection of nodes into a styled ``Diagram``: clusters per party,
/// organ, country and meeting series; one colour per party; edges styled by
/// relation; a legend of the styles used; a title with dataset, window and sources.
struct DiagramComposer {
    /// Which side of the meetings a node is drawn on: hosts left, guests right.
    private enum Side { case host, meetings, guest }

    let dataset: ViewData
    let window: DateSpan
    let place: PlaceScope?
    let viewTitle: String
    let affiliations: Affiliations
    /// The chosen nodes in dataset order.
    let ids: [NodeID]
    let chosen: Set<NodeID>
    /// The centre of an ego view, whose indirect attendances are drawn as ``EdgeKind/attends`` lines.
    let centre: NodeID?
    /// The centre's attendances of the chosen meetings (by the library's rule), when there is a centre.
    let centreAttendances: [MeetingAttendance]

    /// - Parameter affiliations: the affiliations worked out so far for this dataset (kept between compositions).
    init(selection: ViewSelection, viewTitle: String, centre: NodeID? = nil, affiliations: Affiliations? = nil) {
        self.centre = centre
        centreAttendances = centre.map { selection.attendances(of: $0).filter { selection.ids.contains($0.meeting) } } ?? []
        dataset = selection.dataset
        window = selection.window
        place = selection.place
        self.viewTitle = viewTitle
        self.affiliations = affiliations ?? Affiliations(dataset: selection.dataset)
        chosen = selection.ids
        // Dataset order, through the id index: the view's nodes only, never the whole dataset.
        ids = selection.ids.compactMap { id in selection.dataset.index(of: id).map { (index: $0, id: id) } }
            .sorted { $0.index < $1.index }.map(\.id)
    }

    /// Composes the selection, leaving out every node no line reaches — a node drawn alone says nothing about
    /// who meets whom — except those in `asked` (the centre of an ego view). A box counts as reached through what
    /// it holds; leaving out its last member leaves out the box too, unless a line reaches it.
    static func composeConnected(
        _ selection: ViewSelection, viewTitle: String, centre: NodeID? = nil, keeping asked: Set<NodeID> = []
    ) -> Diagram {
        var selection = selection
        let affiliations = Affiliations(dataset: selection.dataset)
        while true {
            let diagram = DiagramComposer(selection: selection, viewTitle: viewTitle, centre: centre, affiliations: affiliations).compose()
            let linked = Set(diagram.edges.flatMap { [$0.from, $0.to] })
            let alone = Set(diagram.nodes.map { NodeID($0.id) }.filter { id in
                !id.rawValue.hasPrefix("legend:") && !linked.contains(id.rawValue) && !asked.contains(id)
            })
            if alone.isEmpty { return diagram }
            selection.remove(alone)
        }
    }

    // MARK: Structure

    /// The node whose cluster a node is drawn in, or `nil` for the top level.
    private func container(of id: NodeID) -> NodeID? {
        guard let entity = dataset.entity(id) else { return nil }
        switch entity.kind {
        case .organ, .office, .meeting:
            return affiliations.parent(of: id).flatMap { chosen.contains($0) ? $0 : nil }
        case .place:
            return nil
        case .person:
            // The top of the hierarchy of an office they hold: party offices first.
            let offices = dataset.relationships(from: id)
                .filter { $0.relation == .holds && chosen.contains($0.to) && $0.valid.overlaps(window) }
                .map(\.to)
            let ordered = offices.filter { affiliations.affiliation(of: $0)?.isState == false }
                + offices.filter { affiliations.affiliation(of: $0)?.isState != false }
            for office in ordered {
                var top = office
                var seen: Set<NodeID> = [top]
                while let up = container(of: top), seen.insert(up).inserted { top = up }
                if top != office { return top }
            }
            if let party = affiliations.affiliation(of: id)?.party, affiliations.affiliation(of: id)?.isState == false, chosen.contains(party) {
                return party
            }
            return nil
        case .party, .country:
            return nil
        }
    }

    private func isAncestor(_ candidate: NodeID, of id: NodeID) -> Bool {
        var current = id
        var seen: Set<NodeID> = [current]
        while let up = container(of: current), seen.insert(up).inserted {
            if up == candidate { return true }
            current = up
        }
        return false
    }

    private func side(of id: NodeID, hostParties: Set<NodeID>) -> Side {
        if dataset.entity(id)?.kind == .meeting { return .meetings }
        guard let party = affiliations.affiliation(of: id)?.party else { return .host }
        return hostParties.contains(party) ? .host : .guest
    }

    // MARK: Labels

    /// A short name: an all-capital alias such as `CPP`, if the node has one.
    private func shortName(of id: NodeID) -> String {
        guard let entity = dataset.entity(id) else { return id.rawValue }
        let short = entity.aliases.first { alias in
            alias.count <= 6 && alias.count >= 2 && alias.allSatisfy { $0.isUppercase || $0.isNumber }
        }
        return short ?? entity.name
    }

    private func nodeLabel(_ entity: Entity) -> String {
        var label = Wrap.lines(entity.name, width: entity.kind == .meeting ? 30 : 26)
        switch entity.kind {
        case .party, .country:
            let short = shortName(of: entity.id)
            if short != entity.name { label += "\n(\(short))" }
        case .meeting:
            if let meeting = entity.meeting {
                var when = DateText.text(meeting.date)
                // A place the meeting is held at, with what it lies in, reads better than the source's free text.
                let places = dataset.places(ofMeeting: entity.id).map { place in
                    ([place] + dataset.enclosingPlaces(of: place.id).prefix(1)).map(\.name).joined(separator: ", ")
                }
                if !places.isEmpty { when += " · " + places.joined(separator: "; ") } else if let place = meeting.place { when += " · " + place }
                label += "\n" + when
                var status = meeting.status.rawValue
                if let asOf = meeting.statusAsOf { status += " as of " + DateText.text(asOf) }
                label += "\n" + status
            }
        default:
            break
        }
        return label
    }

    private func tooltip(_ head: String, evidence: [Evidence]) -> String {
        var lines = [head]
        for item in evidence {
            let source = dataset.source(item.source)
            let cited = source.map { "\($0.publisher), \(DateText.text($0.date))" } ?? item.source
            lines.append("“\(item.quote)” — \(cited)")
        }
        return lines.joined(separator: "\n")
    }

    private func roleText(_ role: ParticipantRole) -> String {
        switch role {
        case .host: "host"
        case .guest: "guest"
        case .coChair: "co-chair"
        case .delegationHead: "delegation head"
        case .member: "member"
        case .attendee: "attendee"
        }
    }

    /// Whoever holds an office during a meeting, by the `holds` relationships.
    private func holders(of office: NodeID, during meeting: NodeID) -> [NodeID] {
        dataset.holders(ofOffice: office, during: dataset.entity(meeting)?.meeting?.date ?? window)
    }

    /// The words on a participant edge: role, what it represented, who led it.
    private func participantText(_ relationship: Relationship, showingRole: Bool = true) -> String {
        var parts: [String] = []
        if showingRole, let role = relationship.role {
            parts.append(relationship.refinedRole.flatMap { dataset.vocabulary.role($0)?.label.lowercased() } ?? roleText(role))
        }
        if let capacity = relationship.capacity, capacity != relationship.from, !isAncestor(capacity, of: relationship.from) {
            parts.append("for " + shortName(of: capacity))
        }
        if let ledBy = relationship.ledBy {
            parts.append("led by " + dataset.name(of: ledBy))
        } else if dataset.entity(relationship.from)?.kind == .office {
            let names = holders(of: relationship.from, during: relationship.to).map { dataset.name(of: $0) }
            if !names.isEmpty {
                let holder = "(" + names.joined(separator: ", ") + ")"
                if parts.isEmpty { parts.append(holder) } else { parts[parts.count - 1] += " " + holder }
            }
        }
        return parts.joined(separator: ", ")
    }

    // MARK: Diagram

    func compose() -> Diagram {
        let relationships = dataset.relationships(among: chosen).filter { $0.valid.overlaps(window) }
        let hostParties = Set(relationships.filter { $0.relation == .hosts }.compactMap { affiliations.affiliation(of: $0.from)?.party })

        // Containers and their members.
        var containerOf: [NodeID: NodeID] = [:]
        for id in ids { if let up = container(of: id) { containerOf[id] = up } }
        let containers = Set(containerOf.values)

        var nodes: [DiagramNode] = []
        for id in ids {
            guard let entity = dataset.entity(id) else { continue }
            nodes.append(DiagramNode(
                id: id.rawValue,
                label: nodeLabel(entity),
                tooltip: tooltip("\(entity.name) — \(entity.kind.rawValue) \(entity.id)", evidence: entity.evidence),
                style: VisualLanguage.nodeStyle(kind: entity.kind, color: affiliations.color(of: id), status: entity.meeting?.status)
            ))
        }

        // Edges.
        var usedEdges: Set<EdgeKind> = []
        var edges: [DiagramEdge] = []
        func add(_ kind: EdgeKind, from: NodeID, to: NodeID, label: String?, tooltip: String, color: PartyColor) {
            usedEdges.insert(kind)
            var style = VisualLanguage.edgeStyle(kind, color: color)
            let fromSide = side(of: from, hostParties: hostParties), toSide = side(of: to, hostParties: hostParties)
            let reversed = fromSide == .guest || (fromSide == .meetings && toSide == .host)
            if reversed && kind != .parallel {
                // Drawn from the other end so that guests lie beyond the meetings; the arrow still points the same way.
                style.extra["dir"] = "back"
                if let head = style.extra.removeValue(forKey: "arrowhead") { style.extra["arrowtail"] = head }
            }
            edges.append(DiagramEdge(
                from: (reversed ? to : from).rawValue, to: (reversed ? from : to).rawValue,
                label: label, tooltip: tooltip, style: style))
        }
        let hostPairs = Set(relationships.filter { $0.relation == .hosts }.map { "\($0.from.rawValue)>\($0.to.rawValue)" })
        var mergedParticipation: [String: Relationship] = [:]
        for relationship in relationships where relationship.relation == .participantIn {
            let key = "\(relationship.from.rawValue)>\(relationship.to.rawValue)"
            if hostPairs.contains(key), mergedParticipation[key] == nil { mergedParticipation[key] = relationship }
        }
        var ledPairs: Set<String> = []
        for relationship in relationships {
            let from = relationship.from, to = relationship.to
            let head = "\(dataset.name(of: from)) \(relationship.relation.phrase) \(dataset.name(of: to))"
            let key = "\(from.rawValue)>\(to.rawValue)"
            switch relationship.relation {
            case .participantIn:
                if mergedParticipation[key] == relationship { break }
                add(.participant, from: from, to: to, label: participantText(relationship),
                    tooltip: tooltip(head, evidence: relationship.evidence), color: affiliations.color(of: from))
            case .hosts:
                var label = "hosts"
                var evidence = relationship.evidence
                if let participation = mergedParticipation[key] {
                    // The host's own participation: its role is "host" unless the source says otherwise.
                    let text = participantText(participation, showingRole: participation.role != .host)
                    if !text.isEmpty { label += ", " + text }
                    evidence += participation.evidence.filter { !evidence.contains($0) }
                }
                add(.hosts, from: from, to: to, label: label, tooltip: tooltip(head, evidence: evidence), color: VisualLanguage.meetingColor)
            case .partOf, .officeOf:
                if containerOf[from] == to { break }
                add(EdgeKind(relationship.relation), from: from, to: to, label: relationship.relation.phrase,
                    tooltip: tooltip(head, evidence: relationship.evidence), color: affiliations.color(of: from))
            case .holds:
                add(.holds, from: from, to: to, label: nil, tooltip: tooltip(head, evidence: relationship.evidence), color: affiliations.color(of: from))
            case .heads, .memberOf:
                add(EdgeKind(relationship.relation), from: from, to: to, label: relationship.relation.phrase,
                    tooltip: tooltip(head, evidence: relationship.evidence), color: affiliations.color(of: from))
            case .invites:
                add(.invites, from: from, to: to, label: "invites", tooltip: tooltip(head, evidence: relationship.evidence), color: VisualLanguage.meetingColor)
            case .parallelWith:
                add(.parallel, from: from, to: to, label: "in parallel", tooltip: tooltip(head, evidence: relationship.evidence), color: VisualLanguage.meetingColor)
            case .heldAt, .locatedIn:
                add(EdgeKind(relationship.relation), from: from, to: to, label: relationship.relation.phrase,
                    tooltip: tooltip(head, evidence: relationship.evidence), color: VisualLanguage.neutral)
            case .basedIn:
                // A country's state box in the party's colour already says it.
                if affiliations.affiliation(of: to)?.party == from, containers.contains(to) { break }
                add(.basedIn, from: from, to: to, label: "based in", tooltip: tooltip(head, evidence: relationship.evidence), color: VisualLanguage.neutral)
            }
            // A named leader of a participating body: leader → body, once per pair.
            if relationship.relation == .participantIn, let leader = relationship.ledBy, chosen.contains(leader),
               ledPairs.insert("\(leader.rawValue)>\(from.rawValue)").inserted {
                let leadHead = "\(dataset.name(of: leader)) leads \(dataset.name(of: from)) at \(dataset.name(of: to))"
                add(.ledBy, from: leader, to: from, label: "leads", tooltip: tooltip(leadHead, evidence: relationship.evidence),
                    color: affiliations.color(of: leader))
            }
        }

        // The centre's attendances through a body it leads or an office it holds, labelled by how.
        if let centre {
            var drawn: Set<String> = []
            for attendance in centreAttendances where attendance.derivation == .viaDelegation || attendance.derivation == .viaOffice {
                let how = attendance.derivation == .viaDelegation
                    ? "via delegation (leads \(shortName(of: attendance.participant)))"
                    : "via office (\(dataset.name(of: attendance.participant)))"
                guard drawn.insert("\(attendance.meeting.rawValue)>\(how)").inserted else { continue }
                let label = (attendance.role.map { roleText($0) + ", " } ?? "") + how
                var evidence: [Evidence] = []
                for relationship in dataset.relationships(to: attendance.meeting)
                where relationship.relation == .participantIn && relationship.from == attendance.participant {
                    evidence += relationship.evidence.filter { !evidence.contains($0) }
                }
                if attendance.derivation == .viaOffice {
                    for relationship in dataset.relationships(from: centre)
                    where relationship.relation == .holds && relationship.to == attendance.participant {
                        evidence += relationship.evidence.filter { !evidence.contains($0) }
                    }
                }
                let head = "\(dataset.name(of: centre)) takes part in \(dataset.name(of: attendance.meeting)) \(how)"
                add(.attends, from: centre, to: attendance.meeting, label: label, tooltip: tooltip(head, evidence: evidence),
                    color: affiliations.color(of: centre))
            }
        }

        // A box's own node is drawn inside it only when a line starts or ends
        // there; otherwise the box's title names it.
        let linked = Set(edges.flatMap { [$0.from, $0.to] })
        let hiddenContainers = Set(containers.filter { !linked.contains($0.rawValue) })
        nodes.removeAll { hiddenContainers.contains(NodeID($0.id)) }
        // The legend shows only the node styles drawn: a box standing for its node is not a sample of the node's shape.
        var usedKinds: [NodeKind: Set<MeetingStatus?>] = [:]
        for node in nodes {
            guard let entity = dataset.entity(NodeID(node.id)) else { continue }
            usedKinds[entity.kind, default: []].insert(entity.meeting?.status)
        }

        // Clusters: every chosen node that contains another.
        func cluster(for id: NodeID) -> DiagramCluster {
            let entity = dataset.entity(id)!
            let members = ids.filter { containerOf[$0] == id }
            let tie = affiliations.affiliation(of: id)
            let isState = entity.kind == .country || (tie?.isState ?? false)
            let shown = !hiddenContainers.contains(id)
            let label: String
            switch entity.kind {
            case .party: label = entity.name + (shortName(of: id) != entity.name ? " (\(shortName(of: id)))" : "")
            case .country: label = "\(entity.name) — state bodies"
            case .organ, .office, .person, .meeting, .place: label = shown ? "" : entity.name
            }
            let color = entity.kind == .meeting ? VisualLanguage.meetingColor : affiliations.color(of: id)
            return DiagramCluster(
                id: id.rawValue, label: label,
                tooltip: tooltip("\(entity.name) — \(entity.kind.rawValue) \(entity.id)", evidence: entity.evidence),
                style: VisualLanguage.clusterStyle(kind: entity.kind, color: color, isState: isState),
                nodeIDs: (shown ? [id.rawValue] : []) + members.filter { !containers.contains($0) }.map(\.rawValue),
                subclusters: members.filter { containers.contains($0) }.map(cluster(for:)))
        }
        var clusters = ids.filter { containers.contains($0) && containerOf[$0] == nil }.map(cluster(for:))

        // Legend of what is used.
        let legend = Legend(
            nodeKinds: usedKinds, edgeKinds: usedEdges, hasClusters: !clusters.isEmpty,
            hasStateCluster: ids.contains { containers.contains($0) && dataset.entity($0)?.kind == .country })
        nodes += legend.nodes
        edges += legend.edges
        clusters.append(legend.cluster)

        return Diagram(
            title: title(relationships: relationships),
            directed: true,
            graphStyle: GraphStyle(
                rankDirection: .leftToRight, fontName: VisualLanguage.boldFontName, fontSize: 16,
                backgroundColor: "white", splines: "spline", overlap: "false", nodeSeparation: 0.4, rankSeparation: 0.9,
                labelLocation: "t", extra: ["newrank": "true", "pad": "0.3", "labeljust": "l"]),
            nodeDefaults: DiagramStyle(fontName: VisualLanguage.fontName, fontSize: 11, extra: ["margin": "0.12,0.06"]),
            edgeDefaults: DiagramStyle(fontName: VisualLanguage.fontName, fontSize: 9),
            nodes: nodes, edges: edges, clusters: clusters)
    }

    private func title(relationships: [Relationship]) -> String {
        var sourceIDs: Set<String> = []
        for id in ids { dataset.entity(id)?.evidence.forEach { sourceIDs.insert($0.source) } }
        for relationship in relationships { relationship.evidence.forEach { sourceIDs.insert($0.source) } }
        let sources = dataset.sources(withIDs: sourceIDs)
            .map { "\($0.publisher), \(DateText.text($0.date)) [\($0.id)]" }
        let windowText = window == .unbounded ? "all dates" : DateText.text(window)
        return [
            dataset.title,
            "\(viewTitle) · window: \(windowText)" + (place.map { " · held in \($0.name)" } ?? ""),
            "Sources: " + (sources.isEmpty ? "none cited" : sources.joined(separator: "; ")),
        ].joined(separator: "\n")
    }
}

/// Word wrapping for node labels.
enum Wrap {
    /// Breaks text at spaces into lines of at most `width` characters (longer words stay whole).
    static func lines(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
