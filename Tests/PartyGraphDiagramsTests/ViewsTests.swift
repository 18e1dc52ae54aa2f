import Foundation
import PartyGraph
import Testing
@testable import PartyGraphDiagrams

/// The bundled dataset, loaded once.
let bundledDataset: Dataset = {
    let path = try! BundledDataset.locate().get()
    return try! DatasetLoader.load(path: path)
}()

/// The month of the bundled dataset's summits, the window `partygraph render trilateral` uses by default.
let bundledSummitMonth = try! DateSpan(parsing: "2026-02")

/// Labels of every drawn node of a diagram, by dataset id.
private func labels(_ diagram: Diagram) -> [String: String] {
    Dictionary(uniqueKeysWithValues: diagram.nodes.map { ($0.id, $0.label) })
}

/// All clusters of a diagram, depth first.
private func allClusters(_ clusters: [DiagramCluster]) -> [DiagramCluster] {
    clusters.flatMap { [$0] + allClusters($0.subclusters) }
}

@Suite struct ViewsTrilateralTests {
    let diagram = try! DiagramViews.trilateral(dataset: bundledDataset, window: bundledSummitMonth)

    @Test func svgHoldsLeadersSummitsPartyClustersAndLegend() throws {
        let svg = try renderSVG(diagram)
        let nodeLabels = try svg.groups("node").map(\.label)
        for name in ["Hun Sen", "Tô Lâm", "Thongloun Sisoulith", "Norodom Sihamoni"] {
            #expect(nodeLabels.contains(name), "missing node \(name)")
        }
        #expect(nodeLabels.contains("CPP–CPV bilateral summit\n6–7 Feb 2026 · Cambodia\nannounced as of 3 Feb 2026"))
        #expect(nodeLabels.contains("CPP–LPRP bilateral summit\n6–7 Feb 2026 · Cambodia\nannounced as of 3 Feb 2026"))
        #expect(nodeLabels.contains("CPP–CPV–LPRP trilateral summit\n6–7 Feb 2026 · Cambodia\nannounced as of 3 Feb 2026"))
        #expect(nodeLabels.contains("State visit of Tô Lâm to\nCambodia\n6 Feb 2026 · Cambodia\nannounced as of 3 Feb 2026"))

        let clusterLabels = Set(try svg.groups("cluster").map(\.label))
        #expect(clusterLabels.isSuperset(of: [
            "Cambodian People’s Party (CPP)", "Communist Party of Việt Nam (CPV)", "Lao People’s Revolutionary Party (LPRP)",
            "CPP Central Committee", "Cambodia — state bodies", "Legend",
        ]))

        // Legend entries: one line per node kind and edge kind drawn, the shape or pattern in words.
        let legend = try #require(nodeLabels.last).split(separator: "\n").map(String.init)
        for entry in ["3-D box: party", "box: organ", "tabbed box: office", "ellipse: person", "hexagon: country",
                      "rounded box, dashed outline: meeting (announced)", "solid line, arrow: takes part in (role; led by)",
                      "dashed line, open circle: led by (named leader at a meeting)", "thin line, dot: holds office",
                      "thick line, arrow: hosts", "bold dashed line, open arrow: invites", "dashed line, no arrow: held in parallel with"] {
            #expect(legend.contains(entry), "missing legend entry \(entry)")
        }
        // Kinds of edges not drawn get no legend entry.
        #expect(!legend.contains { $0.hasSuffix("member of") || $0.hasSuffix("heads") || $0.contains("via delegation") })

        let edgeLabels = try svg.groups("edge").map(\.label)
        #expect(edgeLabels.contains("guest, led by Tô Lâm"))
        #expect(edgeLabels.contains("guest, led by Thongloun Sisoulith"))
        #expect(edgeLabels.contains("host, led by Hun Sen"))
        #expect(edgeLabels.contains("hosts, led by Hun Sen"))
        #expect(edgeLabels.contains("delegation head (Tô Lâm)"))
        #expect(edgeLabels.filter { $0 == "invites" }.count == 2)

        let title = try svg.graphTexts()
        #expect(title == [
            "CPP-hosted summits with the CPV and the LPRP, 6–7 February 2026",
            "Trilateral summits: who meets whom, as which organ, hosted and invited by whom · window: Feb 2026",
            "Sources: The Phnom Penh Post / Asia News Network (ANN), 3 Feb 2026 [ppp-2026-02-03]",
        ])
    }

    @Test func tooltipsCarryTheEvidenceQuote() throws {
        let svg = try renderSVG(diagram)
        let invitations = try svg.groups("edge").filter { $0.label == "invites" }
        #expect(invitations.count == 2)
        for edge in invitations {
            #expect(edge.linkTitles.contains { $0.contains("Royal Invitation of His Majesty King Norodom Sihamoni") })
        }
        let toLam = try #require(diagram.nodes.first { $0.id == "person/to-lam" })
        #expect(toLam.tooltip?.contains("“") == true)
        #expect(toLam.tooltip?.contains("The Phnom Penh Post") == true)
    }

    @Test func partyColourIsCarriedThroughOrgansOfficesAndLeaders() throws {
        let color = { (id: String) in diagram.nodes.first { $0.id == id }?.style.color }
        let cpp = try #require(color("party/cpp"))
        let cpv = try #require(color("party/cpv"))
        let lprp = try #require(color("party/lprp"))
        #expect(Set([cpp, cpv, lprp]).count == 3)
        #expect(color("person/hun-sen") == cpp)
        #expect(color("organ/cpp-standing-committee") == cpp)
        #expect(color("office/cpp-president") == cpp)
        #expect(color("person/to-lam") == cpv)
        #expect(color("organ/cpv-politburo") == cpv)
        #expect(color("person/thongloun-sisoulith") == lprp)
        #expect(color("office/lprp-general-secretary") == lprp)
        // State offices take the colour of the party based in their country.
        #expect(color("office/vietnam-prime-minister") == cpv)
        #expect(color("person/norodom-sihamoni") == cpp)
    }

    @Test func organHierarchyIsNestedInThePartyCluster() throws {
        let cpp = try #require(diagram.clusters.first { $0.id == "party/cpp" })
        #expect(cpp.nodeIDs.contains("party/cpp"))
        #expect(cpp.nodeIDs.contains("person/hun-sen"))
        let centralCommittee = try #require(cpp.subclusters.first { $0.id == "organ/cpp-central-committee" })
        #expect(centralCommittee.label == "CPP Central Committee")
        #expect(centralCommittee.nodeIDs == ["organ/cpp-standing-committee"])
        let lprp = try #require(diagram.clusters.first { $0.id == "party/lprp" })
        let lprpCommittee = try #require(lprp.subclusters.first { $0.id == "organ/lprp-central-committee" })
        #expect(Set(lprpCommittee.nodeIDs) == ["organ/lprp-politburo", "office/lprp-general-secretary"])
        // Meetings lie between the party clusters, the summits grouped in their series.
        let series = try #require(diagram.clusters.first { $0.id == "meeting/2026-02-cpp-summits" })
        #expect(Set(series.nodeIDs) == [
            "meeting/2026-02-cpp-summits", "meeting/2026-02-cpp-cpv-summit",
            "meeting/2026-02-cpp-lprp-summit", "meeting/2026-02-trilateral-summit",
        ])
        let inParties = allClusters(diagram.clusters).filter { $0.id.hasPrefix("party/") }.flatMap(\.nodeIDs)
        #expect(!inParties.contains { $0.hasPrefix("meeting/") })
    }

    @Test(arguments: [Layout.dot, .fdp, .neato])
    func rendersWithoutGraphvizWarnings(layout: Layout) throws {
        let rendered = try GraphvizRenderer().renderDetailed(diagram, layout: layout, format: .svg)
        #expect(rendered.warnings == [])
    }

    @Test func namesKeepTheirDiacritics() throws {
        let data = try GraphvizRenderer().render(diagram, format: .svg)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("Tô Lâm"))
        #expect(text.contains("Communist Party of Việt Nam"))
        #expect(labels(diagram)["person/to-lam"] == "Tô Lâm".precomposedStringWithCanonicalMapping)
    }

    @Test func aWindowWithoutTrilateralSummitIsAnError() throws {
        let window = try DateSpan(parsing: "2025")
        #expect(throws: DiagramError.noTrilateralSummit(window: window)) {
            try DiagramViews.trilateral(dataset: bundledDataset, window: window)
        }
        #expect(!DiagramError.noTrilateralSummit(window: window).description.contains("--"))
    }
}

@Suite struct ViewsEgoMeetingAllTests {
    @Test func egoDepthOneHoldsOfficesLedBodiesAndTheMeetingsAttendedThroughThem() throws {
        let diagram = try DiagramViews.ego(dataset: bundledDataset, center: "person/hun-sen", depth: 1)
        let ids = Set(diagram.nodes.map(\.id)).union(allClusters(diagram.clusters).map(\.id))
        #expect(ids.isSuperset(of: ["person/hun-sen", "office/cpp-president", "office/cambodia-senate-president",
                                    "organ/cpp-standing-committee", "party/cpp"]))
        // He attends the two bilateral summits through the Standing Committee he leads, the trilateral through his office.
        #expect(ids.isSuperset(of: ["meeting/2026-02-cpp-cpv-summit", "meeting/2026-02-cpp-lprp-summit", "meeting/2026-02-trilateral-summit"]))
        // People he meets are two steps away: at depth 1 there is no other person.
        #expect(!ids.contains("person/to-lam"))
    }

    @Test func egoOfToLamAtDepthOneHoldsBothSummitsAndHisStateVisitWithLinesLabelledByHow() throws {
        let diagram = try DiagramViews.ego(dataset: bundledDataset, center: "person/to-lam", depth: 1)
        let ids = Set(diagram.nodes.map(\.id))
        #expect(ids.isSuperset(of: ["meeting/2026-02-cpp-cpv-summit", "meeting/2026-02-trilateral-summit",
                                    "meeting/2026-02-06-to-lam-state-visit"]))
        // The body and the office he attends through are drawn, each with its line.
        #expect(ids.isSuperset(of: ["organ/cpv-politburo", "office/cpv-general-secretary"]))
        let fromCentre = diagram.edges.filter { $0.from == "person/to-lam" || $0.to == "person/to-lam" }
        let label = { (meeting: String) in fromCentre.filter { $0.from == meeting || $0.to == meeting }.compactMap(\.label) }
        #expect(label("meeting/2026-02-cpp-cpv-summit").contains { $0.contains("via delegation") })
        #expect(label("meeting/2026-02-trilateral-summit").contains { $0.contains("via office (CPV General Secretary)") })
        #expect(label("meeting/2026-02-06-to-lam-state-visit") == ["guest"])
        // The same meetings as the library's attendance rule, no more.
        let attended = Set(bundledDataset.attendances(of: "person/to-lam").map(\.meeting.rawValue))
        #expect(Set(ids.filter { $0.hasPrefix("meeting/") }) == attended)
    }

    @Test func egoAttendsLinesFollowTheStatusFilterOfTheWindow() throws {
        // Outside the window the meetings and their lines go; the office he holds stays.
        let diagram = try DiagramViews.ego(dataset: bundledDataset, center: "person/to-lam", depth: 1, window: DateSpan(parsing: "2027"))
        #expect(!diagram.nodes.contains { $0.id.hasPrefix("meeting/") })
        #expect(!diagram.edges.contains { $0.style.extra["arrowhead"] == "diamond" || $0.style.extra["arrowtail"] == "diamond" })
    }

    @Test func egoDepthTwoReachesTheMeetings() throws {
        let diagram = try DiagramViews.ego(dataset: bundledDataset, center: "person/hun-sen")
        let ids = Set(diagram.nodes.map(\.id))
        #expect(ids.isSuperset(of: ["meeting/2026-02-cpp-cpv-summit", "meeting/2026-02-cpp-lprp-summit", "meeting/2026-02-trilateral-summit"]))
        let svg = try renderSVG(diagram)
        #expect(try svg.groups("node").map(\.label).contains("Hun Sen"))
        #expect(try svg.graphTexts()[1] == "Around Hun Sen (depth 2) · window: all dates")
    }

    @Test func egoOfAnUnknownNodeIsAnError() {
        #expect(throws: DiagramError.unknownNode("person/nobody")) {
            try DiagramViews.ego(dataset: bundledDataset, center: "person/nobody")
        }
    }

    @Test func meetingViewShowsItsParticipantsAndLeaders() throws {
        let diagram = try DiagramViews.meeting(dataset: bundledDataset, meeting: "meeting/2026-02-cpp-cpv-summit")
        let ids = Set(diagram.nodes.map(\.id))
        #expect(ids.isSuperset(of: ["organ/cpp-standing-committee", "organ/cpv-politburo", "person/hun-sen", "person/to-lam"]))
        #expect(!ids.contains("organ/lprp-politburo"))
        let svg = try renderSVG(diagram)
        let clusterLabels = Set(try svg.groups("cluster").map(\.label))
        #expect(clusterLabels.isSuperset(of: ["Cambodian People’s Party (CPP)", "Communist Party of Việt Nam (CPV)", "Legend"]))
        #expect(try svg.groups("edge").map(\.label).contains("guest, led by Tô Lâm"))
    }

    @Test func meetingViewOfAPersonIsAnError() {
        #expect(throws: DiagramError.notAMeeting("person/hun-sen", name: "Hun Sen", kind: .person)) {
            try DiagramViews.meeting(dataset: bundledDataset, meeting: "person/hun-sen")
        }
    }

    @Test func allViewDrawsEveryNode() throws {
        let diagram = DiagramViews.all(dataset: bundledDataset)
        let drawn = Set(diagram.nodes.map(\.id)).union(allClusters(diagram.clusters).map(\.id))
        #expect(drawn.isSuperset(of: bundledDataset.entities.map(\.id.rawValue)))
        let svg = try renderSVG(diagram)
        #expect(try svg.groups("node").map(\.label).contains("Thongloun Sisoulith"))
    }

    @Test func allViewLeavesOutMeetingsOutsideTheWindow() throws {
        let diagram = DiagramViews.all(dataset: bundledDataset, window: try DateSpan(parsing: "2025"))
        #expect(!diagram.nodes.contains { $0.id.hasPrefix("meeting/") })
        #expect(diagram.nodes.contains { $0.id == "person/to-lam" })
    }

    @Test(arguments: [DiagramView.trilateral, .ego("person/to-lam", depth: 2), .meeting("meeting/2026-02-trilateral-summit"), .all])
    func sameInputGivesEqualDiagramsAndDOT(view: DiagramView) throws {
        let first = try view.diagram(dataset: bundledDataset)
        let second = try view.diagram(dataset: bundledDataset)
        #expect(first == second)
        let reloaded = try DatasetLoader.load(path: BundledDataset.locate().get())
        #expect(try view.diagram(dataset: reloaded) == first)
        #expect(try GraphvizRenderer().dotSource(first) == GraphvizRenderer().dotSource(second))
    }

    @Test func defaultOutputPaths() {
        #expect(DiagramView.trilateral.defaultOutputPath(format: .svg) == "output/trilateral.svg")
        #expect(DiagramView.ego("person/hun-sen", depth: 2).defaultOutputPath(format: .png) == "output/ego-hun-sen.png")
        #expect(DiagramView.meeting("meeting/2026-02-cpp-cpv-summit").defaultOutputPath(format: .pdf) == "output/meeting-2026-02-cpp-cpv-summit.pdf")
        #expect(DiagramView.all.defaultOutputPath(format: .dot) == "output/all.gv")
    }
}

@Suite struct ViewsDateTextTests {
    @Test(arguments: [
        ("2026-02-06/2026-02-07", "6–7 Feb 2026"),
        ("2026-02-06", "6 Feb 2026"),
        ("2026-01-30/2026-02-02", "30 Jan – 2 Feb 2026"),
        ("2025-12-30/2026-01-02", "30 Dec 2025 – 2 Jan 2026"),
        ("2026-02", "Feb 2026"),
        ("2026-02/2026-03", "Feb–Mar 2026"),
        ("2026", "2026"),
        ("2026-02-06/", "from 6 Feb 2026"),
        ("/2026-03", "until Mar 2026"),
    ])
    func spans(text: String, expected: String) throws {
        #expect(DateText.text(try DateSpan(parsing: text)) == expected)
    }
}

/// The rules every view keeps: no node without a line, and a legend of what is drawn, small beside the drawing.
@Suite struct ViewRuleTests {
    static let trickyDataset = ViewGoldenTests.trickyDataset

    /// Every view of a dataset: the trilateral (when there is one), each meeting, the ego of every node at depth 0–2.
    static func views(of dataset: Dataset) -> [(DiagramView, asked: Set<String>)] {
        var views: [(DiagramView, asked: Set<String>)] = [(.trilateral, [])]
        for level in EncounterLevel.allCases { views.append((.coMeeting(level, maxActors: 100), [])) }
        for meeting in dataset.meetings { views.append((.meeting(meeting.id), [meeting.id.rawValue])) }
        for entity in dataset.entities {
            for depth in 0...2 { views.append((.ego(entity.id, depth: depth), [entity.id.rawValue])) }
        }
        return views
    }

    @Test(arguments: [false, true])
    func noViewHasANodeWithoutALineItDidNotAskFor(tricky: Bool) throws {
        let dataset = tricky ? Self.trickyDataset : bundledDataset
        var checked = 0
        for (view, asked) in Self.views(of: dataset) {
            guard let diagram = try? view.diagram(dataset: dataset) else { continue }
            checked += 1
            let linked = Set(diagram.edges.flatMap { [$0.from, $0.to] })
            let alone = diagram.nodes.map(\.id).filter { !$0.hasPrefix("legend:") && !linked.contains($0) && !asked.contains($0) }
            #expect(alone.isEmpty, "\(view): \(alone) drawn without a line")
            // Every cluster holds something.
            for cluster in allClusters(diagram.clusters) {
                #expect(!cluster.nodeIDs.isEmpty || !cluster.subclusters.isEmpty, "\(view): empty box \(cluster.id)")
            }
        }
        #expect(checked > dataset.entities.count)
    }

    @Test func theLegendListsOnlyWhatIsDrawn() throws {
        let diagram = try DiagramViews.ego(dataset: bundledDataset, center: "person/to-lam", depth: 1)
        let legend = try #require(diagram.nodes.first { $0.id == "legend:text" }).label
        #expect(legend.contains("ellipse: person"))
        #expect(legend.contains("takes part via delegation or office"))
        // Nothing of a kind not drawn: no party, country, hosting, invitation or boxes.
        for absent in ["3-D box", "hexagon", "hosts", "invites", "Boxes nest", "part of"] {
            #expect(!legend.contains(absent), "legend lists \(absent)")
        }
    }

    @Test(arguments: [
        DiagramView.trilateral, .ego("person/to-lam", depth: 1), .ego("person/hun-sen", depth: 1), .ego("person/to-lam", depth: 2),
        .meeting("meeting/2026-02-cpp-cpv-summit"), .meeting("meeting/2026-02-06-to-lam-state-visit"), .all,
        .coMeeting(.person, maxActors: 100), .coMeeting(.party, maxActors: 100),
    ])
    func theLegendTakesAtMostAQuarterOfThePicture(view: DiagramView) throws {
        let window = view == .trilateral ? bundledSummitMonth : .unbounded
        // The who-meets-whom view is drawn with fdp, as `render who-meets-whom` draws it.
        var layout = Layout.dot
        if case .coMeeting = view { layout = .fdp }
        let svg = try SVGDocument(GraphvizRenderer().render(view.diagram(dataset: bundledDataset, window: window), layout: layout, format: .svg))
        let picture = try #require(try svg.boundingBox(ofGraph: ()))
        let legend = try #require(try svg.boundingBox(ofClusterLabelled: "Legend"))
        let share = legend.area / picture.area
        #expect(share <= 0.25, "\(view): the legend takes \(Int(share * 100)) % of the picture")
    }
}
